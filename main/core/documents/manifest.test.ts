import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { resourcesDir, templatesDir } from '../paths.js';
import { findTemplate, loadManifest } from './manifest.js';

const procedure = JSON.parse(readFileSync(join(resourcesDir(), 'procedures', 'ordinary.v1.json'), 'utf8')) as {
  nodes: Array<{ id: string; documents: string[] }>;
};

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('the shipped manifest', () => {
  const manifest = loadManifest();

  it('lists the seven documents of the ordinary procedure, each with its file', () => {
    expect(manifest.map((t) => t.id).sort()).toEqual([
      'closing-approval', 'filing-approval', 'inspection-record', 'interview-record', 'penalty-decision', 'penalty-notice', 'service-receipt',
    ]);
    for (const t of manifest) expect(existsSync(join(templatesDir(), t.file)), t.file).toBe(true);
  });

  it('names only procedure nodes that exist, and covers every document a node issues', () => {
    const nodeIds = new Set(procedure.nodes.map((n) => n.id));
    for (const t of manifest) for (const n of t.nodes) expect(nodeIds.has(n), `${t.id} → ${n}`).toBe(true);
    for (const n of procedure.nodes) {
      for (const d of n.documents) expect(manifest.find((t) => t.id === d)?.nodes, `${n.id} issues ${d}`).toContain(n.id);
    }
  });

  it('puts the 正卷 in the 2010 order: decision, filing, investigation, notice, …, closing', () => {
    const order = (id: string): number => findTemplate(manifest, id).order;
    expect(order('penalty-decision')).toBeLessThan(order('filing-approval'));
    expect(order('filing-approval')).toBeLessThan(order('inspection-record'));
    expect(order('inspection-record')).toBeLessThan(order('interview-record'));
    expect(order('interview-record')).toBeLessThan(order('penalty-notice'));
    expect(order('penalty-notice')).toBeLessThan(order('closing-approval'));
  });

  it('numbers only the notice and the decision, with the bureau abbreviation, year and sequence', () => {
    expect(findTemplate(manifest, 'penalty-notice').numberPattern).toBe('{abbr}罚告字〔{year}〕{seq}号');
    expect(findTemplate(manifest, 'penalty-decision').numberPattern).toBe('{abbr}罚字〔{year}〕{seq}号');
    expect(manifest.filter((t) => t.numberPattern !== null)).toHaveLength(2);
  });

  it('asks for the 送达回证 fields the serve actions read', () => {
    const keys = findTemplate(manifest, 'service-receipt').fields.filter((f) => f.source === 'input').map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['servedDocument', 'servedOn', 'serviceMethod', 'recipient', 'serviceAddress']));
  });

  it('refuses an unknown template id', () => {
    const e = appError(() => findTemplate(manifest, 'no-such-form'));
    expect(e.code).toBe('TEMPLATE_MISSING');
    expect(e.message).toContain('no-such-form');
  });
});

describe('a bad manifest', () => {
  const dirs: string[] = [];
  const dirWith = (text: string | null): string => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-manifest-'));
    dirs.push(dir);
    if (text !== null) writeFileSync(join(dir, 'manifest.json'), text);
    return dir;
  };
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  const good = JSON.parse(readFileSync(join(templatesDir(), 'manifest.json'), 'utf8')) as Array<Record<string, unknown>>;

  it('is reported when missing', () => {
    expect(appError(() => loadManifest(dirWith(null))).code).toBe('TEMPLATE_MISSING');
  });

  it('is reported in Chinese when not JSON', () => {
    const e = appError(() => loadManifest(dirWith('[{"id": ')));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toMatch(/模板清单不是有效的JSON/);
  });

  it('is reported with the path of the wrong entry', () => {
    const broken = good.map((t, i) => (i === 2 ? { ...t, volume: '第三卷' } : t));
    const e = appError(() => loadManifest(dirWith(JSON.stringify(broken))));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('2.volume');
  });

  it('refuses a duplicated template id and an input field without its kind', () => {
    expect(appError(() => loadManifest(dirWith(JSON.stringify([...good, good[0]]))))).toMatchObject({ code: 'TEMPLATE_INVALID' });
    const noKind = good.map((t) => ({ ...t, fields: [{ key: 'x', label: '某项', source: 'input', required: true }] }));
    expect(appError(() => loadManifest(dirWith(JSON.stringify(noKind)))).message).toContain('缺少输入类型');
  });
});
