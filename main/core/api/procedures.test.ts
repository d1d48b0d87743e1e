/**
 * The procedures through the public operations: tracks, summary cases, the legality review and a
 * head's override, deadlines overview and settings, next year's calendar added as data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { shippedDefinitionJson } from '../testing/shippedProcedures.js';
import { sampleFields } from '../testing/sampleFields.js';
import { createCore } from '../core.js';
import { pdfPageTexts } from '../documents/pdf/pdfText.js';
import { docxText } from '../documents/render.js';

let t: TestCore;
let officer: string;
let head: string;
beforeEach(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  head = await t.login('head');
});
afterEach(async () => t.close());

const countCases = async () => (await t.call(officer, 'cases.list', {})).total;

describe('立案', () => {
  it('refuses a violation past the limitation period, writing nothing', async () => {
    const before = await countCases();
    const f = await expectFailure(openCase(t, officer, { violationOn: '2023-12-01', discoveredOn: '2026-03-02' }));
    expect(f.code).toBe('LIMITATION_EXPIRED');
    expect(f.message).toMatch(/第三十六条/);
    expect(await countCases()).toBe(before);
    const ok = await openCase(t, officer, { violationOn: '2023-12-01', continuing: true });
    expect(ok.state).toMatchObject({
      violationOn: '2023-12-01',
      continuing: true,
      procedure: { id: 'ordinary', version: '2026.2' },
    });
  });

  it('opens a summary case, decided on the spot and filed', async () => {
    const v = await openCase(t, officer, { procedure: 'summary' });
    expect(v.state.node).toBe('onSpot');
    expect(v.legality?.point).toBe('decision');
    const tooMuch = await expectFailure(
      t.call(officer, 'cases.act', {
        caseId: v.state.id,
        action: 'decideOnTheSpot',
        data: { facts: 'x', fine: 5000, rightsExplained: true, servedOn: '2026-03-02' },
      }),
    );
    expect(tooMuch.code).toBe('GUARD_FAILED');
    expect(tooMuch.message).toMatch(/3000元/);
    const noRights = await expectFailure(
      t.call(officer, 'cases.act', {
        caseId: v.state.id,
        action: 'decideOnTheSpot',
        data: { facts: 'x', warning: true, servedOn: '2026-03-02' },
      }),
    );
    expect(noRights.code).toBe('VALIDATION');
    const decided = await t.call(officer, 'cases.act', {
      caseId: v.state.id,
      action: 'decideOnTheSpot',
      data: { facts: '现场噪声超标', warning: true, fine: 0, rightsExplained: true, servedOn: '2026-03-02' },
    });
    const filed = await t.call(officer, 'cases.act', {
      caseId: v.state.id,
      action: 'fileSummaryRecord',
      data: {},
      expectedVersion: decided.state.version,
    });
    expect(filed.state).toMatchObject({ node: 'closed', closedOn: '2026-03-02' });
  });
});

describe('tracks', () => {
  async function investigating() {
    const v = await openCase(t, officer);
    const caseId = v.state.id;
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    await t.call(officer, 'documents.generate', {
      caseId,
      type: 'filing-approval',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
    });
    await t.call(officer, 'cases.act', { caseId, action: 'submitFiling' });
    return await t.call(head, 'cases.act', { caseId, action: 'approveFiling', data: { comment: '同意' } });
  }

  it('starts a seizure alongside the investigation and runs it on its own track', async () => {
    const v = await investigating();
    expect(v.startableTracks.map((s) => s.procedure)).toContain('seizure');
    const started = await t.call(officer, 'cases.startTrack', { caseId: v.state.id, procedure: 'seizure' });
    expect(started.tracks).toHaveLength(1);
    expect(started.tracks[0]).toMatchObject({ id: 'seizure-1', name: '查封扣押', nodeName: '查封扣押审批' });
    const byOfficer = await expectFailure(
      t.call(officer, 'cases.act', { caseId: v.state.id, track: 'seizure-1', action: 'approveSeizure', data: {} }),
    );
    expect(byOfficer.code).toBe('FORBIDDEN_ROLE');
    await t.call(head, 'cases.act', {
      caseId: v.state.id,
      track: 'seizure-1',
      action: 'approveSeizure',
      data: { comment: '同意' },
    });
    const held = await t.call(officer, 'cases.act', {
      caseId: v.state.id,
      track: 'seizure-1',
      action: 'implementSeizure',
      data: { implementedOn: '2026-03-02', place: '厂区', items: '排污泵1台', partyPresent: true, witness: '' },
    });
    expect(held.state.node).toBe('investigation'); // the main procedure did not move
    expect(held.deadlines.find((d) => d.id === 'seizureLimit')).toMatchObject({
      track: 'seizure-1',
      dueOn: '2026-04-01',
    });
    const history = await t.call(officer, 'cases.history', { caseId: v.state.id });
    expect(history.entries.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        '启动附加程序：查封扣押（程序版本2026.1）',
        expect.stringMatching(/^【查封扣押】实施并交付决定书、清单/),
      ]),
    );
    expect(
      (
        await expectFailure(
          t.call(officer, 'cases.act', { caseId: v.state.id, track: 'nope-1', action: 'x', data: {} }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await expectFailure(t.call(officer, 'cases.startTrack', { caseId: v.state.id, procedure: 'dailyPenalty' })))
        .code,
    ).toBe('ACTION_NOT_ALLOWED');
  });

  it('two seizures each get their own numbered 查封(扣押)决定书; a document for a track not at that step is refused', async () => {
    const v = await investigating();
    const caseId = v.state.id;
    for (const n of [1, 2]) {
      await t.call(officer, 'cases.startTrack', { caseId, procedure: 'seizure' });
      await t.call(head, 'cases.act', { caseId, track: `seizure-${n}`, action: 'approveSeizure', data: {} });
    }
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'seizure-decision')!;
    const fields = sampleFields(tpl, { today: '2026-03-02' });
    const a = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'seizure-decision',
      track: 'seizure-1',
      fields,
    });
    const b = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'seizure-decision',
      track: 'seizure-2',
      fields,
    });
    const again = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'seizure-decision',
      track: 'seizure-1',
      fields,
    });
    expect(a.number).toMatch(/封扣字〔2026〕1号/);
    expect(b.number).toMatch(/封扣字〔2026〕2号/);
    expect(again.number).toBe(a.number); // regenerated: keeps its number
    await t.call(officer, 'cases.act', {
      caseId,
      track: 'seizure-1',
      action: 'implementSeizure',
      data: { implementedOn: '2026-03-02', place: '厂区', items: '排污泵甲', partyPresent: true, witness: '' },
    });
    expect(
      (
        await expectFailure(
          t.call(officer, 'documents.generate', { caseId, type: 'seizure-decision', track: 'seizure-1', fields }),
        )
      ).code,
    ).toBe('ACTION_NOT_ALLOWED');
    // Each seizure's later documents read its own steps: the release of seizure 1 lists what seizure 1 took.
    await t.call(officer, 'cases.act', {
      caseId,
      track: 'seizure-2',
      action: 'implementSeizure',
      data: { implementedOn: '2026-03-02', place: '仓库', items: '阀门乙', partyPresent: true, witness: '' },
    });
    const rel = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'seizure-release')!;
    const release = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'seizure-release',
      track: 'seizure-1',
      fields: sampleFields(rel, { today: '2026-03-02' }),
    });
    const text = docxText(
      Buffer.from((await t.call(officer, 'blobs.read', { hash: release.docxHash })).base64, 'base64'),
    );
    expect(text).toContain('排污泵甲');
    expect(text).not.toContain('阀门乙');
  });

  it('each round of 按日连续处罚 gets its own numbered decision; regenerating within a round keeps the number', async () => {
    const v = await openCase(t, officer);
    const caseId = v.state.id;
    t.core.services.db
      .prepare("UPDATE cases SET state = json_set(state, '$.node', 'decision.draft') WHERE id = ?")
      .run(caseId);
    await t.call(officer, 'cases.startTrack', { caseId, procedure: 'dailyPenalty' });
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'daily-penalty-decision')!;
    const track = 'dailyPenalty-1';
    const round = async (servedOn: string, recheckOn: string) => {
      t.clock.setDate(servedOn);
      await t.call(officer, 'cases.act', {
        caseId,
        track,
        action: 'serveCorrectionOrder',
        data: {
          servedDocument: '责令改正违法行为决定书',
          servedOn,
          method: '直接送达',
          recipient: '王某',
          correctBy: servedOn,
        },
      });
      t.clock.setDate(recheckOn);
      await t.call(officer, 'cases.act', {
        caseId,
        track,
        action: 'recordRecheck',
        data: { recheckOn, corrected: false, covert: true, findings: '仍超标' },
      });
      const a = await t.call(officer, 'documents.generate', {
        caseId,
        type: tpl.id,
        track,
        fields: sampleFields(tpl, { today: recheckOn }),
      });
      const again = await t.call(officer, 'documents.generate', {
        caseId,
        type: tpl.id,
        track,
        fields: sampleFields(tpl, { today: recheckOn }),
      });
      expect(again.number).toBe(a.number);
      await t.call(head, 'cases.act', { caseId, track, action: 'decideDailyPenalty', data: { originalFine: 100000 } });
      return a.number;
    };
    const first = await round('2026-03-02', '2026-03-10');
    const second = await round('2026-03-11', '2026-03-20');
    expect(first).toMatch(/〔2026〕1号$/);
    expect(second).toMatch(/〔2026〕2号$/);
  });

  it('the 生态环境法典: a track started 2026-08-14 keeps v1, one started 2026-08-15 gets v2 (days from the day after the order), and the history says which', async () => {
    t.clock.setDate('2026-08-01');
    const atDecision = async () => {
      const v = await openCase(t, officer, { discoveredOn: '2026-08-01', filedOn: '2026-08-01' });
      t.core.services.db
        .prepare("UPDATE cases SET state = json_set(state, '$.node', 'decision.draft') WHERE id = ?")
        .run(v.state.id);
      return v.state.id;
    };
    const [before, after] = [await atDecision(), await atDecision()];
    t.clock.setDate('2026-08-14');
    const kept = await t.call(officer, 'cases.startTrack', { caseId: before, procedure: 'dailyPenalty' });
    t.clock.setDate('2026-08-15');
    const started = await t.call(officer, 'cases.startTrack', { caseId: after, procedure: 'dailyPenalty' });
    expect(kept.state.tracks[0]!.procedure).toEqual({ id: 'dailyPenalty', version: '2026.1' });
    expect(started.state.tracks[0]!.procedure).toEqual({ id: 'dailyPenalty', version: '2026.2' });
    expect(started.tracks[0]!.nodeCitation).toBe('生态环境法典第一千零六十条第一款');

    const track = 'dailyPenalty-1';
    t.clock.setDate('2026-09-05');
    const served = {
      servedDocument: '责令改正违法行为决定书',
      servedOn: '2026-09-05',
      method: '直接送达',
      recipient: '王某',
      correctBy: '2026-09-15',
    };
    // Under v2 the order's date is asked: the days run from the day after it.
    expect(
      (
        await expectFailure(
          t.call(officer, 'cases.act', { caseId: after, track, action: 'serveCorrectionOrder', data: served }),
        )
      ).code,
    ).toBe('VALIDATION');
    await t.call(officer, 'cases.act', {
      caseId: after,
      track,
      action: 'serveCorrectionOrder',
      data: { ...served, orderedOn: '2026-09-02' },
    });
    t.clock.setDate('2026-09-20');
    await t.call(officer, 'cases.act', {
      caseId: after,
      track,
      action: 'recordRecheck',
      data: { recheckOn: '2026-09-20', corrected: false, covert: true, findings: '仍超标排放' },
    });
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'daily-penalty-decision')!;
    expect(tpl.version).toBe('2026.2');
    const doc = await t.call(officer, 'documents.generate', {
      caseId: after,
      type: tpl.id,
      track,
      fields: sampleFields(tpl, { today: '2026-09-20' }),
    });
    expect(doc.templateVersion).toBe('2026.2');
    const text = docxText(Buffer.from((await t.call(officer, 'blobs.read', { hash: doc.docxHash })).base64, 'base64'));
    expect(text).toContain(
      '依据《中华人民共和国生态环境法典》第一千零六十条第一款的规定，计罚日数自责令改正之日的次日（2026年9月3日）起，至复查发现违法排放污染物行为之日（2026年9月20日）止',
    );
    const decided = await t.call(head, 'cases.act', {
      caseId: after,
      track,
      action: 'decideDailyPenalty',
      data: { originalFine: 100000 },
    });
    expect(decided.state.steps.at(-1)!.data).toMatchObject({ countedFrom: '2026-09-02', days: 18, amount: 1800000 });

    const summaries = async (caseId: string) =>
      (await t.call(officer, 'cases.history', { caseId })).entries.map((e) => e.summary);
    expect(await summaries(before)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/适用一般程序（程序版本2026\.2）$/),
        '启动附加程序：按日连续处罚（程序版本2026.1）',
      ]),
    );
    expect(await summaries(after)).toContain('启动附加程序：按日连续处罚（程序版本2026.2，2026-08-15起施行）');
  });

  it('a date in a track form before 立案 or in the future is refused', async () => {
    const v = await investigating();
    await t.call(officer, 'cases.startTrack', { caseId: v.state.id, procedure: 'seizure' });
    const f = await expectFailure(
      t.call(officer, 'cases.act', {
        caseId: v.state.id,
        track: 'seizure-1',
        action: 'emergencySeizure',
        data: { implementedOn: '2026-03-09', reason: '紧急', items: '泵' },
      }),
    );
    expect(f.code).toBe('DATE_IN_FUTURE');
    expect(f.message).toMatch(/当场实施日期/);
  });
});

describe('legality review and a head’s override', () => {
  it('only a head, with a written reason, may proceed past a failed rule; the override is in the history', async () => {
    const v = await openCase(t, officer, { filedOn: '2025-11-03', discoveredOn: '2025-11-03' });
    const caseId = v.state.id;
    // Jump the clock past the 90-day limit at the decision; the case reaches 决定 through a 不予处罚 review.
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    await t.call(officer, 'documents.generate', {
      caseId,
      type: 'filing-approval',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
    });
    await t.call(officer, 'cases.act', { caseId, action: 'submitFiling' });
    await t.call(head, 'cases.act', { caseId, action: 'approveFiling', data: {} });
    t.core.services.db
      .prepare("UPDATE cases SET state = json_set(state, '$.node', 'decision.draft') WHERE id = ?")
      .run(caseId);
    const input = { caseId, action: 'submitNoPenalty', data: { ground: '违法事实不能成立', explanation: '' } } as const;
    const blocked = await expectFailure(t.call(officer, 'cases.act', input));
    expect(blocked.code).toBe('GUARD_FAILED');
    expect(blocked.message).toMatch(/在办案期限内作出决定.*第六十条/);
    // The page's view says beforehand whether this user may go on by overriding: the core's answer.
    const actionOf = async (user: string, id: string) =>
      (await t.call(user, 'cases.get', { caseId })).actions.find((a) => a.id === id)!;
    expect(await actionOf(head, 'submitNoPenalty')).toMatchObject({ allowed: false, overridable: true });
    expect(await actionOf(officer, 'submitNoPenalty')).toMatchObject({ allowed: false, overridable: false });
    // 提交处罚决定审批 also lacks its 决定书: a rule no head may write his way past.
    const mixed = await actionOf(head, 'submitDecision');
    expect(mixed.reasons.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['hasDocument', 'legality:decisionTimeLimit']),
    );
    expect(mixed.overridable).toBe(false);
    expect(
      (
        await expectFailure(
          t.call(officer, 'cases.act', { ...input, overrideReason: '因鉴定耗时，经集体研究继续办理' }),
        )
      ).code,
    ).toBe('FORBIDDEN_ROLE');
    expect((await expectFailure(t.call(head, 'cases.act', { ...input, overrideReason: '继续' }))).code).toBe(
      'VALIDATION',
    );
    const done = await t.call(head, 'cases.act', {
      ...input,
      overrideReason: '因司法鉴定耗时较长，经局务会研究继续办理',
    });
    expect(done.state.node).toBe('decision.review');
    expect(done.state.overrides).toEqual([
      expect.objectContaining({ rule: 'decisionTimeLimit', ruleName: '在办案期限内作出决定', byName: '杨建国' }),
    ]);
    const history = await t.call(officer, 'cases.history', { caseId });
    expect(history.entries.at(-1)!.summary).toMatch(
      /经负责人决定继续办理（在办案期限内作出决定），理由：因司法鉴定耗时较长/,
    );
    // …and in the dossier's 备考表.
    const dossier = await t.call(officer, 'dossier.build', { caseId });
    // Only a 立案审批表 (正卷): no 副卷 is bound.
    expect(dossier.volumes.map((v) => [v.volume, v.pdfHash])).toEqual([['正卷', dossier.pdfHash]]);
    const pages = await pdfPageTexts(
      Buffer.from((await t.call(officer, 'blobs.read', { hash: dossier.pdfHash })).base64, 'base64'),
    );
    const remarks = pages.at(-1)!.replace(/\s+/g, '');
    expect(remarks).toContain('备考表');
    expect(remarks).toContain('合法性审查“在办案期限内作出决定”未通过，决定继续办理。理由：因司法鉴定耗时较长');
  }, 60_000);
});

describe('deadlines, settings and calendars', () => {
  it('the bureau overview lists what is due soon and overdue, with a configurable horizon', async () => {
    const v = await openCase(t, officer, { filedOn: '2025-12-10', discoveredOn: '2025-12-10' });
    t.clock.setDate('2026-03-04');
    const few = await t.call(officer, 'deadlines.overview', {});
    // Due 2026-03-10 (90 days), 4 working days ahead: outside the default horizon of 3.
    expect(few.warnAheadWorkingDays).toBe(3);
    expect(few.rows.filter((r) => r.caseId === v.state.id)).toEqual([]);
    const wide = await t.call(officer, 'deadlines.overview', { warnAheadWorkingDays: 5 });
    expect(wide.rows.find((r) => r.caseId === v.state.id)).toMatchObject({
      id: 'decisionLimit',
      dueOn: '2026-03-10',
      status: 'dueSoon',
      caseNumber: v.state.number,
      trackName: '主程序',
    });
    expect((await expectFailure(t.call(officer, 'settings.update', { warnAheadWorkingDays: 5 }))).code).toBe(
      'FORBIDDEN_ROLE',
    );
    await t.call(head, 'settings.update', { warnAheadWorkingDays: 5 });
    expect((await t.call(officer, 'deadlines.overview', {})).rows.some((r) => r.caseId === v.state.id)).toBe(true);
    t.clock.setDate('2026-03-11');
    expect((await t.call(officer, 'deadlines.overview', {})).rows.find((r) => r.caseId === v.state.id)!.status).toBe(
      'overdue',
    );
  });

  it('next year’s calendar is added as data, checked, and used at once', async () => {
    const f = await expectFailure(
      t.call(head, 'calendar.import', {
        calendar: {
          year: 2027,
          source: '测试',
          holidays: [['2027-01-01', '2027-01-03', '元旦']],
          workdays: ['2027-01-06'],
        },
      }),
    );
    expect(f.code).toBe('VALIDATION');
    expect(f.message).toMatch(/不是周末/);
    expect((await t.call(officer, 'calendar.list', {})).years.map((y) => y.year)).not.toContain(2027);
    // No 2027 notice yet: 元旦 (statutory, computed from the rule) is skipped, 调休 unknown → still incomplete.
    expect(t.core.services.calendar.addWorkingDays('2026-12-30', 3)).toEqual({
      dueOn: '2027-01-05',
      calendarIncomplete: true,
    });
    const info = await t.call(head, 'calendar.import', {
      calendar: {
        year: 2027,
        source: '国务院办公厅通知（测试数据）',
        holidays: [['2027-01-01', '2027-01-03', '元旦']],
        workdays: [],
      },
    });
    expect(info.years.find((y) => y.year === 2027)).toMatchObject({ added: true });
    const r = t.core.services.calendar.addWorkingDays('2026-12-30', 3);
    expect(r).toEqual({ dueOn: '2027-01-05', calendarIncomplete: false });
  });

  it('projections written by an older shape are rebuilt from the log at start', async () => {
    const v = await openCase(t, officer);
    const db = t.core.services.db;
    db.prepare("UPDATE cases SET state = json_remove(state, '$.tracks', '$.steps') WHERE id = ?").run(v.state.id);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'projectionVersion'").run();
    await t.core.close();
    const again = await createCore({ dataDir: t.dir, clock: t.clock });
    try {
      expect(again.services.cases.get(v.state.id)).toMatchObject({ tracks: [], steps: [] });
    } finally {
      await again.close();
      t = { ...t, close: async () => undefined };
    }
  });
});

describe('a provincial administrator changes a procedure by data', () => {
  it('a new version with an added node and a changed deadline is checked, used for new cases, and running cases keep theirs', async () => {
    const base = shippedDefinitionJson('ordinary@2026.2') as unknown as {
      version: string;
      nodes: Array<Record<string, unknown>>;
      actions: Array<Record<string, unknown>>;
      deadlines: Array<Record<string, unknown>>;
    };
    const running = await openCase(t, officer);

    // Broken: a node nothing leads to, and a document type that does not exist.
    const broken = structuredClone(base);
    broken.version = '2026.3';
    broken.nodes.push({
      id: 'orphan',
      phase: 'review',
      name: '孤立节点',
      citation: '某条',
      documents: ['no-such-doc'],
      requirements: [],
    });
    const f = await expectFailure(t.call(head, 'procedures.import', { definition: broken }));
    expect(f.code).toBe('VALIDATION');
    expect(f.message).toMatch(/orphan 无法到达/);
    expect(f.message).toMatch(/文书类型 no-such-doc 不存在/);
    expect((await expectFailure(t.call(head, 'procedures.import', { definition: { id: 'x' } }))).code).toBe(
      'VALIDATION',
    );
    expect((await expectFailure(t.call(head, 'procedures.import', { definition: base }))).message).toMatch(/已存在/);

    // Good: a 初审 step between 调查终结 and 调查报告, and a 60-day decision limit.
    const next = structuredClone(base);
    next.version = '2026.10';
    next.nodes.push({
      id: 'preReview',
      phase: 'investigation',
      name: '初审',
      citation: '本省办案规程（示例）',
      documents: ['internal-approval'],
      requirements: [],
    });
    next.actions.find((a) => a.id === 'finishInvestigation')!.to = 'preReview';
    next.actions.push({
      id: 'passPreReview',
      name: '初审通过',
      from: 'preReview',
      to: 'report',
      roles: ['head'],
      guards: [],
    });
    next.deadlines.find((d) => d.id === 'decisionLimit')!.length = 60;
    const r = await t.call(head, 'procedures.import', { definition: next });
    expect(r).toMatchObject({ id: 'ordinary', version: '2026.10' });

    const fresh = await openCase(t, officer);
    expect(fresh.state.procedure.version).toBe('2026.10'); // newer than 2026.2, compared as numbers
    expect(fresh.deadlines.find((d) => d.id === 'decisionLimit')!.length).toBe(60);
    const old = await t.call(officer, 'cases.get', { caseId: running.state.id });
    expect(old.state.procedure.version).toBe('2026.2');
    expect(old.deadlines.find((d) => d.id === 'decisionLimit')!.length).toBe(90);
    // It survives a restart: loaded from the data directory with the shipped ones.
    await t.core.close();
    const again = await createCore({ dataDir: t.dir, clock: t.clock });
    try {
      expect(again.services.procedures.has('ordinary@2026.10')).toBe(true);
    } finally {
      await again.close();
      t = { ...t, close: async () => undefined };
    }
  });
});
