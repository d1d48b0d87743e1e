import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTemplate, loadManifest } from './manifest.js';
import { TemplateStore } from './templateStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('template versions', () => {
  it('a newer bundled version (2026.2, citing the Code) wins over a template loaded on top of the older one (2026.1.1)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'anjuan-templates-'));
    dirs.push(dataDir);
    const t = findTemplate(loadManifest(), 'inspection-record');
    expect(t.version).toBe('2026.2');
    mkdirSync(join(dataDir, 'templates', t.id), { recursive: true });
    writeFileSync(join(dataDir, 'templates', t.id, '2026.1.1.docx'), 'old');
    const store = new TemplateStore(dataDir);
    expect(store.versions(t).map((v) => [v.version, v.source])).toEqual([
      ['2026.2', 'bundled'],
      ['2026.1.1', 'loaded'],
    ]);
    expect(store.current(t).version).toBe('2026.2');
    // A template loaded now is made on top of 2026.2, and is then the newest.
    expect(store.add(t, Buffer.from('new'))).toBe('2026.2.1');
    expect(store.versions(t).map((v) => v.version)).toEqual(['2026.2.1', '2026.2', '2026.1.1']);
  });
});
