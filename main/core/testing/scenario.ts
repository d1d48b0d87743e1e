/**
 * Sample cases driven through the public operations only, as the clerk, the reviewer and the head
 * would: shared by tests, `npm run sample-dossier -- --scenario NAME` and the bench.
 * Scenarios: ordinary, hearing, summary, seizure, daily-penalty, detention-referral.
 */
import { sampleFields } from './sampleFields.js';
import { makePng } from './png.js';
import type { CaseView } from '../../../common/schemas/cases.js';
import type { DossierOutput } from '../../../common/schemas/documents.js';
import type { OpInput } from '../../../common/operations.js';
import type { TestCore } from './testCore.js';

type Caller = Pick<TestCore, 'call'>;

export async function openCase(t: Caller, token: string, over: Partial<OpInput<'cases.open'>> = {}): Promise<CaseView> {
  const [ent] = await t.call(token, 'enterprises.search', { query: '天柱', limit: 1 });
  return t.call(token, 'cases.open', {
    enterpriseId: ent!.id,
    violationId: 'air-over-standard-emission',
    officerIds: ['off-01', 'off-02'],
    discoveredOn: '2026-03-02',
    filedOn: '2026-03-02',
    source: '现场检查',
    summary: '现场检查发现该公司废气排放口颗粒物浓度超过排放标准。',
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    ...over,
  });
}

export interface ScenarioHooks {
  /** Moves the core's clock to this calendar date (the case's timeline spans weeks). */
  setDate(date: string): void;
  onStep?(name: string): void;
}

export interface ScenarioResult {
  caseId: string;
  officer: string;
  head: string;
  /** The view right after 结案 (批准结案, or the last step of a summary case). */
  closed: CaseView;
  dossier: DossierOutput;
  /** The view after 归档 (the last step of every scenario). */
  archived: CaseView;
}

type Photo = { fileName: string; base64: string; description: string };

/** One scripted case: the users, the clock and the steps every scenario shares. */
class CaseRunner {
  caseId = '';
  today = '2026-03-02';
  private templates: Awaited<ReturnType<Caller['call']>> | null = null;
  constructor(readonly t: Caller, readonly hooks: ScenarioHooks, readonly officer: string, readonly head: string, readonly reviewer: string) {}

  static async start(t: Caller, hooks: ScenarioHooks): Promise<CaseRunner> {
    const login = async (username: string, password: string) => (await t.call(null, 'session.login', { username, password })).token;
    return new CaseRunner(t, hooks, await login('officer', 'officer123'), await login('head', 'head123'), await login('reviewer', 'reviewer123'));
  }

  day(d: string): void { this.today = d; this.hooks.setDate(d); }
  step(s: string): void { this.hooks.onStep?.(s); }

  async gen(type: string, servedDocument?: string) {
    this.templates ??= await this.t.call(this.officer, 'templates.list', {});
    const tpl = (this.templates as Array<{ id: string; name: string }>).find((y) => y.id === type);
    if (!tpl) throw new Error(`模板清单中没有 ${type}`);
    this.step(`生成${tpl.name}`);
    return this.t.call(this.officer, 'documents.generate', { caseId: this.caseId, type, fields: sampleFields(tpl as never, { today: this.today, servedDocument }) });
  }

  async act(token: string, action: string, data: Record<string, unknown> = {}, track = 'main'): Promise<CaseView> {
    this.step(track === 'main' ? action : `${track}: ${action}`);
    return this.t.call(token, 'cases.act', { caseId: this.caseId, action, data, track });
  }

  async startTrack(procedure: string): Promise<string> {
    this.step(`启动${procedure}`);
    const v = await this.t.call(this.officer, 'cases.startTrack', { caseId: this.caseId, procedure });
    return v.tracks.at(-1)!.id;
  }

  async photos(photos: Photo[]): Promise<void> {
    const pics = photos.length ? photos : [
      { fileName: '排气筒.png', base64: makePng(320, 240, 1).toString('base64'), description: '1号排气筒排放状况' },
      { fileName: '除尘器.png', base64: makePng(320, 240, 2).toString('base64'), description: '布袋除尘器破损情况' },
    ];
    for (const p of pics) {
      this.step('上传照片');
      await this.t.call(this.officer, 'evidence.add', { caseId: this.caseId, fileName: p.fileName, contentBase64: p.base64, description: p.description, takenOn: this.today, kind: 'photo' });
    }
  }

  async buildAndArchive(closed: CaseView): Promise<ScenarioResult> {
    this.step('组卷');
    const dossier = await this.t.call(this.officer, 'dossier.build', { caseId: this.caseId });
    const archived = closed.state.node === 'closed' && closed.state.procedure.id === 'ordinary'
      ? await this.act(this.officer, 'archive', { archivedOn: this.today, retention: '30年', volumes: dossier.volumes.length })
      : closed;
    return { caseId: this.caseId, officer: this.officer, head: this.head, closed, dossier, archived };
  }
}

export interface OrdinaryOptions {
  violationId?: string;
  fine?: number;
  /** The party asks for a hearing; the fine is lowered to this figure after it. */
  hearingFine?: number;
  photos?: Photo[];
  /** Extra work during 调查取证 (day 2026-03-03) and at 决定 (day 2026-03-16), e.g. tracks. */
  duringInvestigation?(r: CaseRunner): Promise<void>;
  atDecision?(r: CaseRunner): Promise<void>;
  /** Before 结案 (after payment): tracks still running are finished here. */
  beforeClosing?(r: CaseRunner): Promise<void>;
}

async function ordinaryCase(t: Caller, hooks: ScenarioHooks, o: OrdinaryOptions = {}): Promise<ScenarioResult> {
  const r = await CaseRunner.start(t, hooks);
  const { officer, head } = r;
  const fine = o.fine ?? 200000;
  r.day('2026-03-02');
  const opened = await openCase(t, officer, { filedOn: r.today, discoveredOn: r.today, violationOn: r.today, requestId: `sample-${Date.now()}-${Math.random()}`, ...(o.violationId ? { violationId: o.violationId } : {}) });
  r.caseId = opened.state.id;
  await r.gen('filing-approval');
  await r.act(officer, 'submitFiling');
  await r.act(head, 'approveFiling', { comment: '同意立案，由张伟、李娜承办。' });

  r.day('2026-03-03');
  await r.gen('inspection-record');
  await r.gen('interview-record');
  await r.photos(o.photos ?? []);
  await o.duringInvestigation?.(r);

  r.day('2026-03-05');
  await r.act(officer, 'finishInvestigation');
  await r.act(officer, 'submitReport', { facts: '经查，该公司1号排气筒颗粒物排放浓度超过排放标准。', proposedFine: fine, investment: null, reasoning: '超标倍数较低，首次违法，按较轻档次裁量。' });
  // 案件审查's 内部审批表 is filed in the 副卷, so every scenario built on this one binds two volumes.
  await r.gen('internal-approval');
  await r.act(head, 'passReview', { comment: '事实清楚，证据确凿，拟处罚意见适当。' });
  await r.gen('penalty-notice');
  await r.act(officer, 'submitNotice');
  await r.act(head, 'approveNotice', { comment: '同意告知。' });

  r.day('2026-03-06');
  await r.gen('service-receipt', '行政处罚事先告知书');
  await r.act(officer, 'serveNotice');

  if (o.hearingFine !== undefined) {
    r.day('2026-03-09');
    await r.act(officer, 'requestHearing', { requestedOn: r.today, requestedBy: '王建华（法定代表人委托）', how: '书面' });
    await r.act(officer, 'notifyHearing', { notifiedOn: r.today, hearingOn: '2026-03-19', place: '天柱分局三楼会议室', presider: '吴秀英', publicHearing: true });
    r.day('2026-03-19');
    await r.act(officer, 'recordHearing', { heldOn: r.today, partyAttended: true, summary: '当事人称除尘布袋破损系突发，已于3月10日更换，请求从轻处罚，并提交了更换凭证。' });
    await r.act(officer, 'finishHearing', { opinion: '当事人已及时整改，建议在告知金额基础上酌情从轻。', proposedFine: o.hearingFine });
    await r.act(r.reviewer, 'completeLegalReview', { opinion: '事实清楚，证据确凿，适用法律正确，程序合法，裁量适当。', passed: true });
    r.day('2026-03-20');
  } else {
    r.day('2026-03-16');
    await r.act(officer, 'closeDefence');
  }
  await o.atDecision?.(r);
  await r.gen('penalty-decision');
  await r.act(officer, 'submitDecision');
  await r.act(head, 'approveDecision', { comment: '同意按拟定意见作出处罚决定。' });

  r.day(r.today < '2026-03-17' ? '2026-03-17' : '2026-03-23');
  await r.gen('service-receipt', '行政处罚决定书');
  await r.act(officer, 'serveDecision');

  r.day('2026-03-25');
  await r.act(officer, 'recordPayment', { amount: o.hearingFine ?? fine, paidOn: r.today, receiptNo: 'GZ-FS-2026-000318' });
  await r.act(officer, 'finishExecution');
  await o.beforeClosing?.(r);
  await r.gen('closing-approval');
  await r.act(officer, 'submitClosing');
  const closed = await r.act(head, 'approveClosing', { comment: '同意结案。' });
  return r.buildAndArchive(closed);
}

/** Drives one ordinary-procedure case from 立案 to 归档 and builds its dossier. */
export async function runOrdinaryCase(t: Caller, hooks: ScenarioHooks, photos: Photo[] = []): Promise<ScenarioResult> {
  return ordinaryCase(t, hooks, { photos });
}

async function summaryCase(t: Caller, hooks: ScenarioHooks): Promise<ScenarioResult> {
  const r = await CaseRunner.start(t, hooks);
  r.day('2026-03-02');
  const opened = await openCase(t, r.officer, { procedure: 'summary', violationOn: r.today, summary: '现场检查发现该公司危险废物贮存场所未设置识别标志，当场责令改正并给予警告。', requestId: `sample-summary-${Date.now()}` });
  r.caseId = opened.state.id;
  await r.gen('inspection-record');
  await r.act(r.officer, 'decideOnTheSpot', { facts: '危险废物贮存场所未设置识别标志，当事人当场承认并承诺立即改正。', warning: true, fine: 0, rightsExplained: true, servedOn: r.today });
  r.day('2026-03-03');
  const closed = await r.act(r.officer, 'fileSummaryRecord', { comment: '已报局备案。' });
  return r.buildAndArchive(closed);
}

export const scenarios: Record<string, (t: Caller, hooks: ScenarioHooks) => Promise<ScenarioResult>> = {
  ordinary: (t, h) => ordinaryCase(t, h),
  hearing: (t, h) => ordinaryCase(t, h, { hearingFine: 180000 }),
  summary: summaryCase,
  seizure: (t, h) => ordinaryCase(t, h, {
    duringInvestigation: async (r) => {
      const id = await r.startTrack('seizure');
      await r.act(r.head, 'approveSeizure', { comment: '同意对1号排气筒配套生产设施实施查封。' }, id);
      await r.act(r.officer, 'implementSeizure', { implementedOn: r.today, place: '该公司生产车间', items: '1号造粒机1台、配套引风机1台', partyPresent: true, witness: '' }, id);
    },
    atDecision: async (r) => {
      const id = 'seizure-1';
      await r.act(r.head, 'releaseSeizure', { releasedOn: r.today, reason: '违法行为已经消除' }, id);
    },
  }),
  'daily-penalty': (t, h) => ordinaryCase(t, h, {
    atDecision: async (r) => {
      const id = await r.startTrack('dailyPenalty');
      await r.gen('service-receipt', '责令改正违法行为决定书');
      await r.act(r.officer, 'serveCorrectionOrder', { servedDocument: '责令改正违法行为决定书', servedOn: r.today, method: '直接送达', recipient: '王建华', consent: false, reasonForPublicNotice: '', correctBy: '2026-03-20' }, id);
    },
    beforeClosing: async (r) => {
      const id = 'dailyPenalty-1';
      await r.act(r.officer, 'recordRecheck', { recheckOn: r.today, corrected: false, covert: true, findings: '暗查发现1号排气筒仍超标排放。' }, id);
      await r.act(r.head, 'decideDailyPenalty', { originalFine: 200000 }, id);
      r.day('2026-03-26');
      await r.gen('service-receipt', '责令改正违法行为决定书');
      await r.act(r.officer, 'serveCorrectionOrder', { servedDocument: '责令改正违法行为决定书', servedOn: r.today, method: '直接送达', recipient: '王建华', consent: false, reasonForPublicNotice: '', correctBy: '2026-03-31' }, id);
      r.day('2026-04-02');
      await r.act(r.officer, 'recordRecheck', { recheckOn: r.today, corrected: true, covert: true, findings: '复查时颗粒物排放浓度达标。' }, id);
    },
  }),
  'detention-referral': (t, h) => ordinaryCase(t, h, {
    violationId: 'water-over-standard-discharge',
    duringInvestigation: async (r) => {
      const id = await r.startTrack('referral');
      await r.act(r.officer, 'submitReferral', { kind: '行政拘留', receiver: '天柱县公安局', reason: '当事人通过暗管排放水污染物，逃避监管，依照《中华人民共和国环境保护法》第六十三条第三项移送公安机关。' }, id);
      await r.act(r.head, 'approveReferral', { comment: '同意移送。' }, id);
      await r.act(r.officer, 'sendReferral', { sentOn: r.today, materials: '移送书、案件调查材料复印件、现场检查笔录、调查询问笔录、现场照片' }, id);
    },
    atDecision: async (r) => {
      await r.act(r.officer, 'recordReferralReceipt', { receivedOn: r.today, result: '天柱县公安局已受理，对直接负责的主管人员处以行政拘留十日。' }, 'referral-1');
    },
  }),
};

export const scenarioNames = Object.keys(scenarios);
