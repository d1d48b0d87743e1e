/**
 * Documents cite the law of the day the authority acts, from resources/laws/citations.json: the
 * 生态环境法典 from 2026-08-15, 环境保护法 before. No template script and no procedure in force
 * from that day writes a repealed law's name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { appRoot, resourcesDir, templatesDir } from '../paths.js';
import { sampleBureau, sampleCaseState, sampleCaseStateOn, sampleInputs, sampleNumber } from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { docxText, renderDocx } from './render.js';
import { buildTemplateData } from './templateData.js';
import { thrownAppError } from '../testing/appError.js';
import { procedureDefinition } from '../domain/procedure/definition.js';
import { versionInForce } from '../domain/procedure/versions.js';
import { resolveProcedureFiles } from '../domain/procedure/overlay.js';

const manifest = loadManifest();
const data = (today: string, fields: Record<string, string> = {}, state: CaseState = sampleCaseState()) =>
  buildTemplateData({ state, bureau: sampleBureau, number: null, fields, today }) as Record<string, unknown>;
/** A template filled as documents.generate fills it, on `today`. */
const textOf = (
  id: string,
  today: string,
  state: CaseState,
  fields: Record<string, string> = sampleInputs[id] ?? {},
): string => {
  const t = findTemplate(manifest, id);
  const filled = buildTemplateData({ state, bureau: sampleBureau, number: sampleNumber(t), fields, today });
  return docxText(renderDocx({ template: t, templateBytes: readFileSync(join(templatesDir(), t.file)), data: filled }));
};

describe('citation fields of the template data', () => {
  it('an act of the authority cites the law in force on the document date: 环境保护法 to 2026-08-14, the Code from 2026-08-15', () => {
    const before = data('2026-08-14');
    const after = data('2026-08-15');
    expect(before).toMatchObject({
      inspectionArticle: '《中华人民共和国环境保护法》第二十四条',
      seizureArticle: '《中华人民共和国环境保护法》第二十五条',
      dailyPenaltyArticle: '《中华人民共和国环境保护法》第五十九条第一款',
      restrictionBasis: '《中华人民共和国环境保护法》第六十条和《环境保护主管部门实施限制生产、停产整治办法》',
      restrictionArticle: '《中华人民共和国环境保护法》第六十条',
    });
    expect(after).toMatchObject({
      inspectionArticle: '《中华人民共和国生态环境法典》第五十一条',
      seizureArticle: '《中华人民共和国生态环境法典》第五十二条',
      dailyPenaltyArticle: '《中华人民共和国生态环境法典》第一千零六十条第一款',
      restrictionArticle: '《中华人民共和国生态环境法典》第一千一百零七条',
    });
  });

  it('the 现场检查笔录 cites the law of the inspection day, not of the day it is printed', () => {
    expect(data('2026-09-01', { inspectionTime: '2026-08-10 09:30' }).inspectionArticle).toBe(
      '《中华人民共和国环境保护法》第二十四条',
    );
    expect(data('2026-09-01', { inspectionTime: '2026-08-15 09:30' }).inspectionArticle).toBe(
      '《中华人民共和国生态环境法典》第五十一条',
    );
  });

  it('限制生产、停产整治 under the Code cites the case penalty clause when it is a clause of the Code (it carries the power)', () => {
    const s = sampleCaseState();
    s.violation.penaltyArticle = { law: '《中华人民共和国生态环境法典》', article: '第一千一百零八条' };
    expect(data('2026-09-10', {}, s)).toMatchObject({
      restrictionArticle: '《中华人民共和国生态环境法典》第一千一百零八条',
      restrictionBasis:
        '《中华人民共和国生态环境法典》第一千一百零八条和《环境保护主管部门实施限制生产、停产整治办法》',
    });
    // A case under the old sector law, restricted now: the Code's general clause for the measure.
    expect(data('2026-09-10').restrictionArticle).toBe('《中华人民共和国生态环境法典》第一千一百零七条');
  });

  it('移送拘留: the situation typed, else the one on the 审批表 on file, else the case penalty clause; unknown situations are refused', () => {
    expect(data('2026-04-15', { detentionGround: '逃避监管排放污染物' })).toMatchObject({
      detentionArticle: '《中华人民共和国环境保护法》第六十三条第三项',
      detentionBasis:
        '《中华人民共和国环境保护法》第六十三条第三项和《行政主管部门移送适用行政拘留环境违法案件暂行办法》',
    });
    expect(data('2026-09-10', { detentionGround: '逃避监管排放污染物' }).detentionArticle).toBe(
      '《中华人民共和国生态环境法典》第一千一百零八条',
    );
    // The sample case's 审批表 (2026-04-15) chose 未批先建拒不停止建设.
    expect(data('2026-09-10', {}, sampleCaseStateOn('2026-04-16')).detentionArticle).toBe(
      '《中华人民共和国生态环境法典》第一千零九十五条第二款',
    );
    const code = sampleCaseStateOn('2026-04-01');
    code.violation.penaltyArticle = { law: '中华人民共和国生态环境法典', article: '第一千一百零二条' };
    expect(data('2026-09-10', {}, code).detentionArticle).toBe('《中华人民共和国生态环境法典》第一千一百零二条');
    // Nothing names the situation and the Code has no general article: the key is absent, so a template using it says so.
    expect(data('2026-09-10', {}, sampleCaseStateOn('2026-04-01'))).not.toHaveProperty('detentionArticle');
    expect(data('2026-04-10', {}, sampleCaseStateOn('2026-04-01')).detentionArticle).toBe(
      '《中华人民共和国环境保护法》第六十三条',
    );
    const wrong = thrownAppError(() => data('2026-09-10', { detentionGround: '其他情形' }));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.message).toMatch(/适用拘留的情形应填写“未批先建拒不停止建设”/);
  });

  it('a date the table does not cover is refused in Chinese, naming the purpose', () => {
    const e = thrownAppError(() => data('2014-06-01'));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^无法确定文书引用的条文：2014-06-01没有适用的“[^”]+”条文：引用条文表自2015-01-01起$/);
  });
});

describe('the filled documents', () => {
  it('the 现场检查笔录 of an inspection on 2026-09-10 rests on 法典 art. 51; one of 2026-03-03 on 环境保护法 art. 24', () => {
    const fields = { ...sampleInputs['inspection-record']!, inspectionTime: '2026-09-10 09:30' };
    expect(textOf('inspection-record', '2026-09-10', sampleCaseStateOn('2026-03-03'), fields)).toContain(
      '根据《中华人民共和国生态环境法典》第五十一条的规定，现依法对你单位进行现场检查',
    );
    expect(textOf('inspection-record', '2026-03-03', sampleCaseStateOn('2026-03-03'))).toContain(
      '根据《中华人民共和国环境保护法》第二十四条的规定',
    );
  });

  it('a seizure, an order to correct and a restriction decided under the Code cite it and no repealed law', () => {
    const seizure = textOf('seizure-decision', '2026-09-10', sampleCaseStateOn('2026-03-03'));
    expect(seizure).toContain(
      '依据《中华人民共和国生态环境法典》第五十二条和《中华人民共和国行政强制法》第九条、第十八条、第二十四条的规定',
    );
    const approval = textOf('seizure-approval', '2026-09-10', sampleCaseStateOn('2026-03-03'));
    expect(approval).toContain('《中华人民共和国生态环境法典》第五十二条；《中华人民共和国行政强制法》');
    const order = textOf('correction-order', '2026-09-10', sampleCaseStateOn('2026-04-02'));
    expect(order).toContain('依据《中华人民共和国生态环境法典》第一千零六十条第一款的规定，自责令改正之日的次日起');
    const restriction = textOf('restriction-decision', '2026-09-10', sampleCaseStateOn('2026-04-02'));
    expect(restriction).toContain(
      '依据《中华人民共和国生态环境法典》第一千一百零七条和《环境保护主管部门实施限制生产、停产整治办法》的规定',
    );
    expect(restriction).toContain('责令停业、关闭（《中华人民共和国生态环境法典》第一千一百零七条）');
    for (const text of [seizure, approval, order, restriction]) expect(text).not.toMatch(/环境保护法/);
  });

  it('the 移送书 and its 审批表 cite the situation chosen, as in force on the day', () => {
    const approval = textOf('detention-referral-approval', '2026-09-10', sampleCaseStateOn('2026-04-15'));
    expect(approval).toContain(
      '适用情形：未批先建拒不停止建设（《中华人民共和国生态环境法典》第一千零九十五条第二款）',
    );
    expect(approval).toContain('建议依照《中华人民共和国生态环境法典》第一千零九十五条第二款的规定移送公安机关');
    const letter = textOf('referral-letter', '2026-09-10', sampleCaseStateOn('2026-04-16'));
    expect(letter).toContain(
      '依据《中华人民共和国生态环境法典》第一千零九十五条第二款和《行政主管部门移送适用行政拘留环境违法案件暂行办法》的规定，现将本案移送你局',
    );
    expect(textOf('referral-letter', '2026-04-16', sampleCaseStateOn('2026-04-16'))).toContain(
      '依据《中华人民共和国环境保护法》第六十三条第一项和《行政主管部门移送适用行政拘留环境违法案件暂行办法》的规定',
    );
  });

  it('the 按日连续处罚决定书 of a track started before the Code keeps its law and its count (from the day after service)', () => {
    const text = textOf('daily-penalty-decision', '2026-04-15', sampleCaseStateOn('2026-04-15'));
    expect(text).toContain(
      '依据《中华人民共和国环境保护法》第五十九条第一款和《环境保护主管部门实施按日连续处罚办法》的规定，计罚日数自责令改正违法行为决定书送达之日的次日（2026年4月4日）起，至复查发现违法排放污染物行为之日（2026年4月14日）止，共计11日',
    );
  });

  it('the 按日连续处罚决定书 of a track under the Code counts from the day after the order, and says when the re-check was obstructed', () => {
    const s = sampleCaseStateOn('2026-04-15');
    const track = s.tracks.find((t) => t.id === 'dailyPenalty-1')!;
    Object.assign(track, { procedure: { id: 'dailyPenalty', version: '2026.2' }, startedOn: '2026-09-01' });
    const serve = s.steps.find((x) => x.track === track.id && x.action === 'serveCorrectionOrder')!;
    const recheck = s.steps.find((x) => x.track === track.id && x.action === 'recordRecheck')!;
    Object.assign(serve, {
      on: '2026-09-05',
      data: { ...serve.data, orderedOn: '2026-09-02', servedOn: '2026-09-05' },
    });
    Object.assign(recheck, {
      on: '2026-09-20',
      data: {
        ...recheck.data,
        recheckOn: '2026-09-20',
        obstructed: true,
        findings: '执法人员到达时当事人拒绝开门',
        dailyCountFrom: '2026-09-02',
        dailyCountFromText: '责令改正之日的次日',
      },
    });
    const text = textOf('daily-penalty-decision', '2026-09-21', s);
    expect(text).toContain('发现：执法人员到达时当事人拒绝开门。你单位拒绝、阻挠复查。');
    expect(text).toContain(
      '依据《中华人民共和国生态环境法典》第一千零六十条第一款的规定，计罚日数自责令改正之日的次日（2026年9月3日）起，至拒绝、阻挠复查之日（2026年9月20日）止，共计18日',
    );
    expect(text).not.toMatch(/环境保护法|按日连续处罚办法/);
  });
});

/**
 * The repealed laws (resources/laws/repeals.json) and their usual short names, written as text a
 * document would print. 生态环境保护法律 (“laws on eco-environmental protection”) is not a law's name.
 */
const repealedNames = (): RegExp => {
  const repeals = JSON.parse(readFileSync(join(resourcesDir(), 'laws', 'repeals.json'), 'utf8')) as {
    repeals: Array<{ law: string }>;
  };
  const names = [...repeals.repeals.map((r) => r.law), '环保法', '环评法', '大气法', '固废法', '噪声法', '土壤法'];
  return new RegExp(`(?<!生态)(${names.join('|')})(?![律规])`, 'u');
};

describe('no repealed law written as fixed text', () => {
  const pattern = repealedNames();
  /** Law data: where the old laws are named on purpose (dated citations, old → new articles, violation types). */
  const allowed = ['resources/laws/', 'resources/discretion/'];
  const files = (dir: string, ext: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(ext))
      .map((f) => join(dir, f));

  it('the template scripts and the manifest name none (they carry citation tags instead)', () => {
    const offending: string[] = [];
    for (const file of [
      ...files(join(appRoot(), 'scripts', 'templates'), '.ts'),
      join(templatesDir(), 'manifest.json'),
    ]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = pattern.exec(line);
          if (m) offending.push(`${relative(appRoot(), file)}:${i + 1} ${m[0]}`);
        });
    }
    expect(offending).toEqual([]);
  });

  it('resources name them only in the law data and in procedure versions that the Code superseded on 2026-08-15', () => {
    // A version written as changes is read as the definition it resolves to: what a case follows.
    const procedures = resolveProcedureFiles(
      files(join(resourcesDir(), 'procedures'), '.json').map((name) => ({
        name,
        json: JSON.parse(readFileSync(name, 'utf8')) as unknown,
      })),
    ).map(({ name, json }) => ({ f: name, def: procedureDefinition.parse(json) }));
    const offending: string[] = [];
    for (const file of files(resourcesDir(), '.json')) {
      const rel = relative(resourcesDir(), file).split('\\').join('/');
      if (allowed.some((a) => `resources/${rel}`.startsWith(a))) continue;
      const own = procedures.find((p) => p.f === file)?.def;
      const m = pattern.exec(own ? JSON.stringify(own) : readFileSync(file, 'utf8'));
      if (!m) continue;
      const inForce = own
        ? versionInForce(
            procedures.map((p) => p.def),
            own.id,
            '2026-08-15',
          )
        : null;
      // A version a case or track started before the Code keeps: allowed only once a newer one is in force.
      if (own && inForce && inForce.version !== own.version) continue;
      offending.push(`${rel}: ${m[0]}`);
    }
    expect(offending).toEqual([]);
    // The versions kept for earlier cases are exactly the four tracks that had to change.
    const kept = procedures
      .filter(({ def }) => pattern.test(JSON.stringify(def)))
      .map(({ def }) => `${def.id}@${def.version}`)
      .sort();
    expect(kept).toEqual(['dailyPenalty@2026.1', 'productionRestriction@2026.1', 'referral@2026.1', 'seizure@2026.1']);
  });
});
