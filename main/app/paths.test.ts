import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, dataDirFor } from './paths.js';

describe('appPaths', () => {
  it('finds the bundles where scripts/build.mjs puts them', () => {
    const root = join('/opt', '案卷', 'resources', 'app.asar');
    expect(appPaths(root)).toEqual({
      preload: join(root, 'dist', 'preload', 'index.cjs'),
      coreUtility: join(root, 'dist', 'core', 'utility.cjs'),
      rendererDir: join(root, 'dist', 'renderer'),
      pdfjsDir: join(root, 'node_modules', 'pdfjs-dist'),
    });
  });
});

describe('dataDirFor', () => {
  it('prefers ANJUAN_DATA_DIR, else the user-data folder', () => {
    expect(dataDirFor({ ANJUAN_DATA_DIR: 'D:\\案卷数据' }, 'C:\\Users\\u\\AppData\\Roaming\\案卷')).toBe(
      'D:\\案卷数据',
    );
    expect(dataDirFor({}, '/home/u/.config/案卷')).toBe('/home/u/.config/案卷');
    expect(dataDirFor({ ANJUAN_DATA_DIR: '' }, '/u')).toBe('/u');
  });
});
