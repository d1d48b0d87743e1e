/** Steps of a sample case through the public operations, shared by tests, the sample dossier and the bench. */
import { sampleFields } from './sampleFields.js';
import { makePng } from './png.js';
import type { CaseView } from '../../../common/schemas/cases.js';
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


/**
 * Drives one ordinary-procedure case from 立案 to 结案 through the public operations only,
 * as the officer and the head would, and builds its dossier.
 */
export async function runOrdinaryCase(t: Caller, hooks: ScenarioHooks, photos: Array<{ fileName: string; base64: string; description: string }> = []) {
  const officer = (await t.call(null, 'session.login', { username: 'officer', password: 'officer123' })).token;
  const head = (await t.call(null, 'session.login', { username: 'head', password: 'head123' })).token;
  const templates = await t.call(officer, 'templates.list', {});
  const tpl = (id: string) => {
    const x = templates.find((y) => y.id === id);
    if (!x) throw new Error(`模板清单中没有 ${id}`);
    return x;
  };
  let today = '2026-03-02';
  const day = (d: string) => { today = d; hooks.setDate(d); };
  const step = (s: string) => hooks.onStep?.(s);
  let caseId = '';
  const gen = async (type: string, servedDocument?: string) => {
    step(`生成${tpl(type).name}`);
    return t.call(officer, 'documents.generate', { caseId, type, fields: sampleFields(tpl(type), { today, servedDocument }) });
  };
  const act = async (token: string, action: string, data: Record<string, unknown> = {}) => {
    step(action);
    return t.call(token, 'cases.act', { caseId, action, data });
  };

  day('2026-03-02');
  const opened = await openCase(t, officer, { filedOn: today, discoveredOn: today, requestId: `sample-${Date.now()}` });
  caseId = opened.state.id;
  await gen('filing-approval');
  await act(officer, 'submitFiling');
  await act(head, 'approveFiling', { comment: '同意立案，由张伟、李娜承办。' });

  day('2026-03-03');
  await gen('inspection-record');
  await gen('interview-record');
  const pics = photos.length ? photos : [
    { fileName: '排气筒.png', base64: makePng(320, 240, 1).toString('base64'), description: '1号排气筒排放状况' },
    { fileName: '除尘器.png', base64: makePng(320, 240, 2).toString('base64'), description: '布袋除尘器破损情况' },
  ];
  for (const p of pics) {
    step('上传照片');
    await t.call(officer, 'evidence.add', { caseId, fileName: p.fileName, contentBase64: p.base64, description: p.description, takenOn: today, kind: 'photo' });
  }
  await act(officer, 'finishInvestigation');

  day('2026-03-05');
  await act(officer, 'submitReport', { facts: '经查，该公司1号排气筒颗粒物排放浓度超过排放标准。', proposedFine: 200000, investment: null, reasoning: '超标倍数较低，首次违法，按较轻档次裁量。' });
  await act(head, 'passReview', { comment: '事实清楚，证据确凿，拟处罚意见适当。' });
  await gen('penalty-notice');
  await act(officer, 'submitNotice');
  await act(head, 'approveNotice', { comment: '同意告知。' });

  day('2026-03-06');
  await gen('service-receipt', '行政处罚事先告知书');
  await act(officer, 'serveNotice');

  day('2026-03-16');
  await act(officer, 'closeDefence');
  await gen('penalty-decision');
  await act(officer, 'submitDecision');
  await act(head, 'approveDecision', { comment: '同意按拟定意见作出处罚决定。' });

  day('2026-03-17');
  await gen('service-receipt', '行政处罚决定书');
  await act(officer, 'serveDecision');

  day('2026-03-25');
  await act(officer, 'recordPayment', { amount: 200000, paidOn: today, receiptNo: 'GZ-FS-2026-000318' });
  await act(officer, 'finishExecution');
  await gen('closing-approval');
  await act(officer, 'submitClosing');
  const closed = await act(head, 'approveClosing', { comment: '同意结案。' });

  step('组卷');
  const dossier = await t.call(officer, 'dossier.build', { caseId });
  const archived = await act(officer, 'archive', { archivedOn: today, retention: '30年', volumes: 1 });
  return { caseId, officer, head, closed, dossier, archived };
}
