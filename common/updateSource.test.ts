import { describe, expect, it } from 'vitest';
import { describeUpdateSource, parseUpdateSource } from './updateSource.js';

const ok = (raw: string) => {
  const r = parseUpdateSource(raw);
  if (!r.ok) throw new Error(r.message);
  return r.source;
};
const refusal = (raw: string) => {
  const r = parseUpdateSource(raw);
  if (r.ok) throw new Error(`accepted ${raw}`);
  return r.message;
};

describe('parseUpdateSource', () => {
  it('takes folders: a drive, a LAN share, a Linux mount, a file: URL', () => {
    expect(ok(' D:\\案卷更新 ')).toEqual({ kind: 'folder', location: 'D:\\案卷更新' });
    expect(ok('\\\\fileserver\\共享\\anjuan')).toEqual({ kind: 'folder', location: '\\\\fileserver\\共享\\anjuan' });
    expect(ok('/media/uos/U盘/anjuan-update')).toEqual({ kind: 'folder', location: '/media/uos/U盘/anjuan-update' });
    expect(ok('file:///E:/anjuan')).toEqual({ kind: 'folder', location: 'file:///E:/anjuan/' });
  });

  it('takes http and https addresses, with a final slash', () => {
    expect(ok('http://192.168.1.20/anjuan')).toEqual({ kind: 'url', location: 'http://192.168.1.20/anjuan/' });
    expect(ok('https://update.hbj.guizhou.gov.cn/anjuan/')).toEqual({
      kind: 'url',
      location: 'https://update.hbj.guizhou.gov.cn/anjuan/',
    });
  });

  it('refuses relative paths, other schemes, credentials, queries, .. and control characters, in Chinese', () => {
    expect(refusal('')).toMatch(/请填写/);
    expect(refusal('anjuan-update')).toMatch(/完整路径/);
    expect(refusal('ftp://server/anjuan')).toMatch(/http:\/\/ 或 https:\/\//);
    expect(refusal('javascript:alert(1)')).toMatch(/http:\/\/ 或 https:\/\//);
    expect(refusal('https://user:pw@server/anjuan')).toMatch(/用户名或密码/);
    expect(refusal('https://server/anjuan?x=1')).toMatch(/“\?”/);
    expect(refusal('D:\\update\\..\\Windows')).toMatch(/“\.\.”/);
    expect(refusal('/media/u\u0000sb')).toMatch(/控制字符/);
    expect(refusal(`D:\\${'长'.repeat(600)}`)).toMatch(/500/);
  });

  it('names a source for the screen and the log', () => {
    expect(describeUpdateSource({ kind: 'folder', location: 'D:\\案卷更新' })).toBe('文件夹 D:\\案卷更新');
    expect(describeUpdateSource({ kind: 'url', location: 'https://x.cn/' })).toBe('网址 https://x.cn/');
  });
});
