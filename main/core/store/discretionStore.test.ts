import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { DiscretionStore } from './discretionStore.js';
import { loadBenchmark } from '../services.js';

const store = () => new DiscretionStore(openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-disc-')), 'a.sqlite')));
const shipped = loadBenchmark();

describe('discretion benchmark versions', () => {
  it('records the shipped benchmark once, and a fixed shipped file of the same version in place', () => {
    const s = store();
    expect(s.saveShipped(shipped, '2026-03-01T00:00:00Z')).toEqual({ version: shipped.version, changed: true });
    expect(s.saveShipped(shipped, '2026-03-02T00:00:00Z')).toEqual({ version: shipped.version, changed: false });
    const fixed = { ...shipped, name: '修正后的示例' };
    expect(s.saveShipped(fixed, '2026-03-03T00:00:00Z').changed).toBe(true);
    expect(s.benchmark().name).toBe('修正后的示例');
    expect(s.versions()).toHaveLength(1);
  });

  it("never lets a release overwrite a province's version of the same name, and serves the newest", () => {
    const s = store();
    s.saveShipped(shipped, '2026-03-01T00:00:00Z');
    const province = { ...shipped, version: '黔2023', name: '贵州省基准' };
    expect(s.saveImported(province, '贵州.xlsx', '2026-03-02T00:00:00Z', '王审核').changed).toBe(true);
    expect(s.saveShipped({ ...province, name: '冒名' }, '2026-03-03T00:00:00Z').changed).toBe(false);
    expect(s.benchmark().name).toBe('贵州省基准');
    expect(s.benchmark(shipped.version).version).toBe(shipped.version);
    expect(() => s.saveImported({ ...province, roundTo: 1000 }, 'b.xlsx', '2026-03-04T00:00:00Z', '王审核')).toThrow(
      /已于2026-03-02载入且内容不同/,
    );
    expect(s.versions().map((v) => [v.version, v.active, v.importedBy])).toEqual([
      ['黔2023', true, '王审核'],
      [shipped.version, false, '系统'],
    ]);
  });

  it('says so when nothing is loaded or a version is unknown', () => {
    const s = store();
    expect(() => s.benchmark()).toThrow('尚未载入裁量基准');
    s.saveShipped(shipped, '2026-03-01T00:00:00Z');
    expect(() => s.benchmark('1999')).toThrow('没有版本为“1999”的裁量基准');
  });
});
