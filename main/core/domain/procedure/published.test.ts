/** The check a new procedure version passes on the server and the workstation alike. */
import { describe, expect, it } from 'vitest';
import { loadProcedures } from '#core/services.js';
import { shippedDefinitionJson } from '../../testing/shippedProcedures.js';
import { checkProcedureVersions } from './published.js';

const known = loadProcedures();

const sixtyDays = (version: string, base = 'ordinary@2026.2') => ({
  extends: base,
  changes: { version, effectiveFrom: '2027-01-01', deadlines: { decisionLimit: { length: 60 } } },
});

describe('checkProcedureVersions', () => {
  it('resolves a version written as changes to a known one, and returns the full definition to store', () => {
    const r = checkProcedureVersions(known, [sixtyDays('2026.12')]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.same).toEqual([]);
    const [v] = r.added;
    expect(v!.definition).toMatchObject({ id: 'ordinary', version: '2026.12', effectiveFrom: '2027-01-01' });
    expect(v!.definition.deadlines.find((d) => d.id === 'decisionLimit')!.length).toBe(60);
    // Stored resolved: the loader and the start-up check of the data directory read full definitions.
    expect(v!.json).not.toHaveProperty('extends');
    expect(v!.json).toMatchObject({ id: 'ordinary', version: '2026.12' });
  });

  it('resolves a set whose second version extends the first, all together', () => {
    const r = checkProcedureVersions(known, [sixtyDays('2026.12'), sixtyDays('2026.13', 'ordinary@2026.12')]);
    expect(r.ok && r.added.map((a) => a.definition.version)).toEqual(['2026.12', '2026.13']);
  });

  it('a known version with the same content is the same; with other content it is refused', () => {
    const shipped = shippedDefinitionJson('ordinary@2026.2');
    const same = checkProcedureVersions(known, [shipped]);
    expect(same.ok && same.same.map((d) => `${d.id}@${d.version}`)).toEqual(['ordinary@2026.2']);
    expect(same.ok && same.added).toEqual([]);
    const changed = checkProcedureVersions(known, [{ ...shipped, name: '一般程序（改）' }]);
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.reason).toMatch(/版本 2026\.2 已存在且内容不同/);
  });

  it('refuses, in Chinese and naming what is wrong, a broken structure, a bad shape, an unknown base or a repeat', () => {
    const orphan = {
      extends: 'ordinary@2026.2',
      changes: {
        version: '2026.12',
        nodes: {
          orphan: { phase: 'review', name: '孤立节点', citation: '某条', documents: ['no-such-doc'], requirements: [] },
        },
      },
    };
    const reasons = [
      orphan,
      { id: 'ordinary', version: '2026.12' },
      { extends: 'ordinary@2025.9', changes: { version: '2026.12' } },
      { extends: 'ordinary@2026.2', changes: { version: '2026.1' } },
    ].map((item) => {
      const r = checkProcedureVersions(known, [item]);
      return r.ok ? 'accepted' : r.reason;
    });
    expect(reasons[0]).toMatch(/程序定义“一般程序” 2026\.12 版有误：.*orphan 无法到达/);
    expect(reasons[0]).toMatch(/文书类型 no-such-doc 不存在/);
    expect(reasons[1]).toMatch(/^程序定义 ordinary@2026\.12 格式有误：/);
    expect(reasons[2]).toMatch(/所基于的 ordinary@2025\.9 不存在/);
    expect(reasons[3]).toMatch(/版本号须新于所基于的版本 2026\.2/);
    const twice = checkProcedureVersions(known, [sixtyDays('2026.12'), sixtyDays('2026.12')]);
    expect(!twice.ok && twice.reason).toMatch(/2026\.12 重复出现/);
    expect(checkProcedureVersions(known, []).ok).toBe(false);
  });
});
