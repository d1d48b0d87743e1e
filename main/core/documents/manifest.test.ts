import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../store/sequences.js';
import { resourcesDir, templatesDir } from '../paths.js';
import { sampleBureau, sampleCaseState } from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { buildTemplateData, normalisedInputKeys } from './templateData.js';
import { thrownAppError } from '../testing/appError.js';
import { documentTypes, dossierSheets, isDocumentType } from '#common/documentTypes.js';
import { dossierGroups } from '#common/dossierGroups.js';
import { documentNodes } from '#core/domain/procedure/documentNodes.js';
import { loadProcedures } from '#core/services.js';

const procedures = [...loadProcedures().values()];
const documentTypesJson = (): string[] =>
  Object.keys(
    (
      JSON.parse(readFileSync(join(resourcesDir(), 'documents', 'types.json'), 'utf8')) as {
        types: Record<string, string>;
      }
    ).types,
  );

describe('the shipped manifest', () => {
  const manifest = loadManifest();
  const t = (id: string) => findTemplate(manifest, id);

  it('has a template for each of the 41 document types, each with its file', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(41);
    expect(documentTypes).toHaveLength(41);
    expect(manifest.map((x) => x.id).sort()).toEqual([...documentTypes].sort());
    for (const x of manifest) expect(existsSync(join(templatesDir(), x.file)), x.file).toBe(true);
  });

  it('names the types of the registry (common/documentTypes.ts), which are those of types.json, in its order', () => {
    expect(documentTypesJson()).toEqual([...documentTypes]);
    expect(isDocumentType('penalty-decision')).toBe(true);
    expect(isDocumentType('penalty-decison')).toBe(false);
  });

  it('has a template for every document a node of a shipped procedure makes, and makes every template somewhere', () => {
    const made = documentNodes(procedures);
    for (const p of procedures)
      for (const n of p.nodes)
        for (const d of n.documents)
          expect(findTemplate(manifest, d).id, `${p.id}@${p.version}: ${n.id} → ${d}`).toBe(d);
    for (const x of manifest) expect(made.get(x.id)?.length ?? 0, `${x.id}: made at no node`).toBeGreaterThan(0);
  });

  it('lets the clerk print the dossier cover, catalog and 备考表 at 已结案 (the procedures say where)', () => {
    const made = documentNodes(procedures);
    for (const id of dossierSheets) expect(made.get(id)).toEqual(['closed']);
  });

  it('puts the 正卷 in the 2010 order: decisions, filing, investigation, notices and hearing, property, execution, closing', () => {
    const order = (id: string): number => t(id).order;
    const sequence = [
      'dossier-cover',
      'dossier-catalog',
      'penalty-decision',
      'filing-approval',
      'inspection-record',
      'interview-record',
      'sampling-record',
      'photo-evidence',
      'investigation-report',
      'penalty-notice',
      'hearing-notice',
      'hearing-record',
      'seizure-decision',
      'seizure-list',
      'seizure-release',
      'confiscation-record',
      'deferral-notice',
      'reminder',
      'enforcement-application',
      'closing-approval',
    ];
    for (let i = 1; i < sequence.length; i++)
      expect(order(sequence[i - 1]!), `${sequence[i - 1]} before ${sequence[i]}`).toBeLessThan(order(sequence[i]!));
    expect(order('dossier-remarks')).toBe(Math.max(...manifest.map((x) => x.order)));
    // Receipts file at their document's order + 0.5: orders are whole and never shared.
    expect(new Set(manifest.map((x) => x.order)).size).toBe(manifest.length);
  });

  it('puts every template in a group, the groups following each other in their fixed order', () => {
    const groups = [...manifest].sort((a, b) => a.order - b.order).map((x) => x.group);
    expect([...new Set(groups)]).toEqual([...dossierGroups]);
    expect(t('photo-evidence').group).toBe('调查取证');
  });

  it('files the hearing report, review opinions, collective discussion and internal approvals in the 副卷, after the 正卷', () => {
    const second = manifest
      .filter((x) => x.volume === '副卷')
      .map((x) => x.id)
      .sort();
    expect(second).toEqual([
      'collective-discussion-record',
      'detention-referral-approval',
      'hearing-report',
      'internal-approval',
      'legal-review-opinion',
      'seizure-approval',
    ]);
    const lastMain = Math.max(
      ...manifest.filter((x) => x.volume === '正卷' && x.id !== 'dossier-remarks').map((x) => x.order),
    );
    for (const id of second) expect(t(id).order).toBeGreaterThan(lastMain);
  });

  it('numbers issued documents per bureau, type and year, and leaves records and forms unnumbered', () => {
    expect(t('penalty-notice').numberPattern).toBe('{abbr}罚告字〔{year}〕{seq}号');
    expect(t('penalty-decision').numberPattern).toBe('{abbr}罚字〔{year}〕{seq}号');
    expect(t('correction-order').numberPattern).toBe('{abbr}责改〔{year}〕{seq}号');
    // 处罚法 art. 52: the on-the-spot decision is a numbered form.
    expect(t('on-spot-decision').numberPattern).not.toBeNull();
    const numbered = manifest.filter((x) => x.numberPattern !== null);
    for (const x of numbered) expect(x.numberPattern, x.id).toMatch(/^\{abbr\}[\u4e00-\u9fa5]+〔\{year\}〕\{seq\}号$/u);
    // Two types never share a pattern, so a number tells which document it is.
    expect(new Set(numbered.map((x) => x.numberPattern)).size).toBe(numbered.length);
    for (const id of [
      'filing-approval',
      'inspection-record',
      'interview-record',
      'sampling-record',
      'hearing-record',
      'service-receipt',
      'seizure-list',
      'internal-approval',
      'legal-review-opinion',
      'collective-discussion-record',
      'closing-approval',
      'dossier-cover',
    ])
      expect(t(id).numberPattern, id).toBeNull();
    expect(formatNumber(t('seizure-decision').numberPattern!, { abbr: '黔东南环天', year: 2026, seq: 2 })).toBe(
      '黔东南环天封扣字〔2026〕2号',
    );
  });

  it('shows the number on every numbered document', () => {
    for (const x of manifest.filter((y) => y.numberPattern))
      expect(
        x.fields.map((f) => f.key),
        x.id,
      ).toContain('docNumber');
  });

  it('asks for the 送达回证 fields the serve actions read', () => {
    const keys = t('service-receipt')
      .fields.filter((f) => f.source === 'input')
      .map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['servedDocument', 'servedOn', 'serviceMethod', 'recipient', 'serviceAddress']),
    );
  });

  it('never lets a case value take the key of something the clerk types (it would silently win)', () => {
    const data = buildTemplateData({
      state: sampleCaseState(),
      bureau: sampleBureau,
      number: null,
      fields: {},
      today: '2026-04-01',
    });
    for (const x of manifest) {
      for (const f of x.fields.filter((y) => y.source === 'input')) {
        if (normalisedInputKeys.has(f.key)) continue;
        expect(Object.keys(data), `${x.id}: input ${f.key}`).not.toContain(f.key);
      }
    }
    // A case field is something the data builder really supplies.
    for (const x of manifest)
      for (const f of x.fields.filter((y) => y.source === 'case'))
        expect(data, `${x.id}: ${f.key}`).toHaveProperty(f.key);
  });

  it('asks for dates that lie ahead as text, since date fields may not be later than today', () => {
    for (const [id, key] of [
      ['hearing-notice', 'hearingTime'],
      ['correction-order', 'correctionDeadline'],
      ['seizure-extension-notice', 'extendedTo'],
    ] as const) {
      expect(t(id).fields.find((f) => f.key === key)?.input, `${id}.${key}`).toBe('text');
    }
  });

  it('refuses an unknown template id', () => {
    const e = thrownAppError(() => findTemplate(manifest, 'no-such-form'));
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
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const good = JSON.parse(readFileSync(join(templatesDir(), 'manifest.json'), 'utf8')) as Array<
    Record<string, unknown>
  >;

  it('is reported when missing', () => {
    expect(thrownAppError(() => loadManifest(dirWith(null))).code).toBe('TEMPLATE_MISSING');
  });

  it('is reported in Chinese when not JSON', () => {
    const e = thrownAppError(() => loadManifest(dirWith('[{"id": ')));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toMatch(/模板清单不是有效的JSON/);
  });

  it('is reported with the path of the wrong entry', () => {
    const broken = good.map((t, i) => (i === 2 ? { ...t, volume: '第三卷' } : t));
    const e = thrownAppError(() => loadManifest(dirWith(JSON.stringify(broken))));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('2.volume');
  });

  it('refuses a duplicated template id and an input field without its kind', () => {
    expect(thrownAppError(() => loadManifest(dirWith(JSON.stringify([...good, good[0]]))))).toMatchObject({
      code: 'TEMPLATE_INVALID',
    });
    const noKind = good.map((t) => ({ ...t, fields: [{ key: 'x', label: '某项', source: 'input', required: true }] }));
    expect(thrownAppError(() => loadManifest(dirWith(JSON.stringify(noKind)))).message).toContain('缺少输入类型');
  });

  const changed = (id: string, change: Record<string, unknown>) =>
    JSON.stringify(good.map((t) => (t.id === id ? { ...t, ...change } : t)));
  const at = (id: string) => good.findIndex((t) => t.id === id);

  it('refuses a template without a known group, naming the groups', () => {
    for (const group of [undefined, '其他']) {
      const e = thrownAppError(() => loadManifest(dirWith(changed('filing-approval', { group }))));
      expect(e.code).toBe('TEMPLATE_INVALID');
      expect(e.message).toContain(`${at('filing-approval')}.group`);
      expect(e.message).toContain('卷内分组应为：封面和目录、决定书、立案');
    }
  });

  it('refuses groups out of their fixed order, and a group split over the two volumes', () => {
    // A decision numbered among the records cannot join the 决定书 group from there.
    const late = thrownAppError(() => loadManifest(dirWith(changed('penalty-decision', { order: 17 }))));
    expect(late.message).toContain(`${at('penalty-decision')}.order`);
    expect(late.message).toContain('“行政处罚决定书”（“决定书”组）排在“行政处罚案件调查报告”（“调查取证”组）之后');
    const split = thrownAppError(() => loadManifest(dirWith(changed('internal-approval', { volume: '正卷' }))));
    expect(split.message).toContain('一组的文书应归入同一卷');
  });
});
