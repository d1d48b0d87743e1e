import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProcedures } from '#core/services.js';
import { resourcesDir } from '#core/paths.js';
import { canonicalJson, sha256Hex } from '#core/store/hashing.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import type { GuardRef } from './definition.js';
import { applyOverlay, isOverlay, mergePatch, procedureOverlay, resolveProcedureFiles } from './overlay.js';

const base = {
  id: 'p',
  version: '2026.1',
  name: '程序',
  attach: { roles: ['officer'], citation: '旧' },
  phases: [{ id: 'a', name: '甲' }],
  nodes: [
    { id: 'n1', phase: 'a', documents: ['x'], terminal: false },
    { id: 'n2', phase: 'a', documents: [] },
    { id: 'n3', phase: 'a', documents: [] },
  ],
};
const overlay = (changes: Record<string, unknown>, on = 'p@2026.1') =>
  procedureOverlay.parse({ extends: on, changes: { version: '2026.2', ...changes } });

describe('JSON Merge Patch (RFC 7396)', () => {
  it('gives the results of the RFC’s examples (appendix A)', () => {
    const cases: Array<[unknown, unknown, unknown]> = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['c', 'd'],
      ],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of cases) expect(mergePatch(target, patch)).toEqual(result);
  });

  it('leaves the base untouched', () => {
    const copy = structuredClone(base);
    applyOverlay(base, overlay({ nodes: { n1: { documents: [] } }, attach: { citation: '新' } }));
    expect(base).toEqual(copy);
  });
});

describe('a procedure version written as changes', () => {
  it('merges an item addressed by id, removes one set to null, adds a new one at the end', () => {
    const r = applyOverlay(
      base,
      overlay({
        nodes: { n1: { documents: ['x', 'y'], terminal: null }, n2: null, n4: { phase: 'a', documents: [] } },
      }),
    );
    expect(r.nodes).toEqual([
      { id: 'n1', phase: 'a', documents: ['x', 'y'] },
      { id: 'n3', phase: 'a', documents: [] },
      { id: 'n4', phase: 'a', documents: [] },
    ]);
    expect(r.version).toBe('2026.2');
    expect(r.name).toBe('程序');
  });

  it('puts the items in the order $order gives, which must name each exactly once', () => {
    const r = applyOverlay(base, overlay({ nodes: { n0: { phase: 'a' }, $order: ['n0', 'n3', 'n1', 'n2'] } }));
    expect((r.nodes as Array<{ id: string }>).map((n) => n.id)).toEqual(['n0', 'n3', 'n1', 'n2']);
    expect(() => applyOverlay(base, overlay({ nodes: { $order: ['n1', 'n2'] } }))).toThrow(/缺少 n3/);
    expect(() => applyOverlay(base, overlay({ nodes: { $order: ['n1', 'n2', 'n3', 'n9'] } }))).toThrow(/不存在 n9/);
    expect(() => applyOverlay(base, overlay({ nodes: { $order: ['n1', 'n1', 'n2', 'n3'] } }))).toThrow(/各一次/);
  });

  it('replaces a list given as a list, and merges other objects key by key', () => {
    const r = applyOverlay(base, overlay({ phases: [{ id: 'b', name: '乙' }], attach: { citation: '新' } }));
    expect(r.phases).toEqual([{ id: 'b', name: '乙' }]);
    expect(r.attach).toEqual({ roles: ['officer'], citation: '新' });
  });

  it('refuses, in Chinese, a removal of what is not there, a changed id or procedure, and a version not newer', () => {
    expect(() => applyOverlay(base, overlay({ nodes: { n9: null } }))).toThrow('nodes：要删除的 n9 在原版本中不存在');
    expect(() => applyOverlay(base, overlay({ nodes: { n1: { id: 'n7' } } }))).toThrow(/不能更改编号/);
    expect(() => applyOverlay(base, overlay({ nodes: { n1: 'x' } }))).toThrow(/须为对象/);
    expect(() => applyOverlay(base, overlay({ id: 'q' }))).toThrow(/不能更改程序编号/);
    expect(() => applyOverlay(base, overlay({ version: '2026.1' }))).toThrow(/版本号须新于/);
  });

  it('resolves a chain in any file order, and names the file whose base is missing or which loops', () => {
    const files = [
      { name: 'p.v3.json', json: { extends: 'p@2026.2', changes: { version: '2026.3', name: '三' } } },
      { name: 'p.v2.json', json: { extends: 'p@2026.1', changes: { version: '2026.2', nodes: { n2: null } } } },
      { name: 'p.v1.json', json: base },
    ];
    const out = resolveProcedureFiles(files);
    expect(out.map((f) => f.name)).toEqual(['p.v3.json', 'p.v2.json', 'p.v1.json']);
    expect(out[0]!.json).toMatchObject({ version: '2026.3', name: '三', nodes: [{ id: 'n1' }, { id: 'n3' }] });
    expect(out[2]!.json).toBe(base);
    expect(() => resolveProcedureFiles(files.slice(0, 2))).toThrow('程序定义 p.v2.json 所基于的 p@2026.1 不存在');
    const loop = [
      { name: 'a.json', json: { extends: 'p@2026.3', changes: { version: '2026.2' } } },
      { name: 'b.json', json: { extends: 'p@2026.2', changes: { version: '2026.3' } } },
    ];
    expect(() => resolveProcedureFiles(loop)).toThrow(/循环引用/);
    expect(() => resolveProcedureFiles([{ name: 'c.json', json: { extends: 'p', changes: {} } }])).toThrow(
      /c\.json 的修改格式有误：extends 须为“程序编号@版本”/,
    );
  });
});

const receiptGuardByName = (g: GuardRef): GuardRef =>
  g.name === 'hasDocument' && g.args?.field === 'servedDocument' && typeof g.args.equals === 'string'
    ? { ...g, args: { ...g.args, equals: documentTypeName(g.args.equals) } }
    : g;

describe('the shipped versions written as changes', () => {
  const dir = join(resourcesDir(), 'procedures');
  const overlays = readdirSync(dir).filter((f) => isOverlay(JSON.parse(readFileSync(join(dir, f), 'utf8'))));

  it('are the 2026.2 versions that changed 2026.1', () => {
    expect(overlays.sort()).toEqual([
      'dailyPenalty.v2.json',
      'ordinary.v2.json',
      'productionRestriction.v2.json',
      'referral.v2.json',
      'seizure.v2.json',
    ]);
  });

  it('resolve to exactly the definitions they were as full copies (SHA-256 of the canonical JSON)', () => {
    // Computed from the full copies before they were rewritten as changes; cases recorded under
    // these versions must follow the same definition. A deliberate change of a shipped version is
    // a new version, never an edit here.
    const expected: Record<string, string> = {
      'dailyPenalty@2026.2': '85ca41a1d498d110cd3ca116f820db7f6820196a049cbc8f43d9a059515bb2b5',
      'ordinary@2026.2': 'a5de33cef85ab1b60f7675d78632fe3cdaf63c61c7e0e032a2c96f75d0a46d31',
      'productionRestriction@2026.2': '7969768ff150b7e3e316e2a3d2211ccf65d5dce55b14abf35e2960b92803ec67',
      'referral@2026.2': '0917b3cd0eba0f1bd7bd8c095f1d38cf8ccbc05e1ca8e6f42e7ded1ad2f3df00',
      'seizure@2026.2': '51c20cfc9474694d5da129f6e3c3d49e804eb94cb589f11ba0a3ae51a4c4bff4',
    };
    const loaded = loadProcedures();
    // A deadline's `owner` (whose period: the bureau's or the party's) only groups 到期提醒; it was
    // added to the shipped versions later and changes no rule a case follows, so it is not hashed.
    const withoutOwner = (d: ReturnType<typeof loaded.get>) =>
      d && { ...d, deadlines: d.deadlines.map(({ owner: _owner, ...rest }) => rest) };
    // Likewise the served document is named by its type id now (a receipt names it so too), and a
    // serving action says what it serves (`serves`) instead of its form typing the name: the same
    // rule, written with ids. Hashed as written then: the receipt guards with the Chinese names.
    const asWrittenThen = (d: ReturnType<typeof loaded.get>) =>
      d && {
        ...d,
        actions: d.actions.map(({ serves: _serves, ...a }) => ({ ...a, guards: a.guards.map(receiptGuardByName) })),
        nodes: d.nodes.map((n) => ({
          ...n,
          requirements: n.requirements.map((r) => ({ ...r, guard: receiptGuardByName(r.guard) })),
        })),
      };
    for (const [key, hash] of Object.entries(expected))
      expect(sha256Hex(canonicalJson(asWrittenThen(withoutOwner(loaded.get(key))))), key).toBe(hash);
  });
});
