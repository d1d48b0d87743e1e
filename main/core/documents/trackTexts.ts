/**
 * What the documents of the side tracks (查封扣押, 先行登记保存, 责令改正, 按日连续处罚, 移送) read
 * from the case: the data each track's actions recorded (`state.steps`) and the documents it has
 * on file. Pure functions of the state and of what the clerk typed.
 *
 * A case may run a track twice (two seizures): a document reads the newest track of its kind that
 * is still running and has recorded the step it needs, else the newest that has it.
 */
import type { CaseState, StepRecord, TrackState } from '#common/schemas/cases.js';
import { addDays } from '../domain/dates.js';
import { amountInWords, numericChineseDate } from '../domain/chineseText.js';
import { yuanFigures } from '#common/money.js';
import { dailyPenalty, firstDailyCount } from '../domain/procedure/derive.js';
import { lastStep } from '../domain/procedure/facts.js';
import { latestDocument, trimEnd } from './caseTexts.js';
import { itemRows, materialRows, parseChoice, type ItemRow, type MaterialRow } from './formText.js';
import { docType } from '#common/documentTypes.js';

const date = (iso: unknown): string => (typeof iso === 'string' && iso ? numericChineseDate(iso) : '');
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A sentence to embed, closed with 。. */
const sentence = (v: unknown): string => (text(v).trim() ? `${trimEnd(text(v))}。` : '');

/** The track of one of these procedures that a document is about (see the header). */
export function trackFor(state: CaseState, procedures: string[], steps: string[]): TrackState | undefined {
  const mine = state.tracks.filter((t) => procedures.includes(t.procedure.id)).reverse();
  const has = (t: TrackState): boolean => steps.some((a) => lastStep(state, t.id, a));
  return mine.find((t) => !t.endedOn && has(t)) ?? mine.find(has) ?? mine.find((t) => !t.endedOn) ?? mine[0];
}

function stepOf(state: CaseState, procedures: string[], actions: string[]): StepRecord | undefined {
  const t = trackFor(state, procedures, actions);
  if (!t) return undefined;
  for (const a of actions) {
    const s = lastStep(state, t.id, a);
    if (s) return s;
  }
  return undefined;
}

/** “（黔东南环天封扣字〔2026〕2号）” for the newest document of a type, or nothing when unnumbered. */
export function numberRef(state: CaseState, type: string): string {
  const n = latestDocument(state, (d) => d.type === type && d.number !== null)?.number;
  return n ? `（${n}）` : '';
}

const seizureMeasures = ['查封', '扣押', '查封、扣押'] as const;

export function seizureTexts(state: CaseState, typed: Record<string, string>) {
  const impl = stepOf(state, ['seizure'], ['implementSeizure', 'emergencySeizure']);
  const decision = latestDocument(state, (d) => d.type === docType.seizureDecision);
  const onFile =
    decision?.fields.seizureItems ??
    latestDocument(state, (d) => d.type === docType.seizureList)?.fields.seizureItems ??
    '';
  // The measure the decision named (查封 or 扣押); the model forms' “查封（扣押）” before one exists.
  const measure =
    decision?.fields.seizureMeasure && (seizureMeasures as readonly string[]).includes(decision.fields.seizureMeasure)
      ? decision.fields.seizureMeasure
      : '查封（扣押）';
  if (typed.seizureMeasure) parseChoice('seizureMeasure', '措施', typed.seizureMeasure, seizureMeasures);
  return {
    // What the clerk types now wins; else what the seizure recorded, else what its decision listed.
    seizureItems: itemRows(typed.seizureItems || text(impl?.data.items) || onFile) as ItemRow[],
    seizureImplementedOn: date(impl?.data.implementedOn ?? impl?.on),
    seizureMeasureCase: measure,
    seizureDecisionRef: `《${decision?.fields.seizureMeasure ? `${measure}决定书` : '查封(扣押)决定书'}》${numberRef(state, docType.seizureDecision)}`,
    disposedItems: itemRows(typed.disposedItems || typed.seizureItems || text(impl?.data.items) || onFile),
  };
}

export function preservationTexts(state: CaseState, typed: Record<string, string>) {
  const impl = stepOf(state, ['preservation'], ['implementPreservation']);
  const onFile = latestDocument(state, (d) => d.type === docType.preservationNotice)?.fields.preservedItems ?? '';
  return {
    preservedItems: itemRows(typed.preservedItems || text(impl?.data.items) || onFile),
    preservedOn: date(impl?.data.implementedOn ?? impl?.on),
    preservationNoticeRef: numberRef(state, docType.preservationNotice),
  };
}

/** The order to correct as served (责令改正 or 按日连续处罚 track) and its re-check. */
export function correctionTexts(state: CaseState, fine: number | null) {
  const served = stepOf(state, ['correction', 'dailyPenalty'], ['serveCorrectionOrder']);
  const daily = trackFor(state, ['dailyPenalty'], ['recordRecheck']);
  // The re-check that found the violation going on, and the service of the order it checked.
  const recheck = daily
    ? state.steps
        .filter(
          (x) =>
            x.track === daily.id &&
            x.action === 'recordRecheck' &&
            (x.data.corrected !== true || x.data.obstructed === true),
        )
        .at(-1)
    : undefined;
  const dailyServed = recheck
    ? state.steps
        .filter((x) => x.track === daily!.id && x.action === 'serveCorrectionOrder' && x.on <= recheck.on)
        .at(-1)
    : undefined;
  const servedOn = text(dailyServed?.data.servedOn) || dailyServed?.on || '';
  const recheckOn = text(recheck?.data.recheckOn) || recheck?.on || '';
  // The count the track's version states (recorded by the re-check, derive.ts): under the Code from
  // the day after the order; a first-version track, from the day after its service.
  const countFrom = text(recheck?.data.dailyCountFrom) || servedOn;
  const obstructed = recheck?.data.obstructed === true;
  const counted = countFrom && recheckOn && fine !== null ? dailyPenalty(countFrom, recheckOn, fine) : null;
  const decisionNumber = latestDocument(state, (d) => d.type === docType.penaltyDecision && d.number !== null)?.number;
  return {
    correctionOrderRef: numberRef(state, docType.correctionOrder),
    correctionServedOn: date(text(served?.data.servedOn) || served?.on),
    correctionDueOn: date(served?.data.correctBy),
    dailyPenaltyTrack: state.tracks.some((t) => t.procedure.id === 'dailyPenalty' && !t.endedOn),
    originalDecisionTitle: decisionNumber ? `《行政处罚决定书》（${decisionNumber}）` : '行政处罚决定',
    recheckOnText: date(recheckOn),
    recheckKind: recheck?.data.covert === true ? '复查（暗查）' : '复查',
    recheckFindings: sentence(recheck?.data.findings),
    recheckOutcome: obstructed ? '你单位拒绝、阻挠复查' : '你单位拒不改正违法排放污染物行为',
    dailyFromRule: text(recheck?.data.dailyCountFromText) || firstDailyCount.fromText,
    dailyFromOn: countFrom ? date(addDays(countFrom, 1)) : '',
    dailyToRule: obstructed ? '拒绝、阻挠复查之日' : '复查发现违法排放污染物行为之日',
    dailyDays: counted ? String(counted.days) : '',
    dailyTotalFigures: counted ? yuanFigures(counted.amount) : '',
    dailyTotalWords: counted ? amountInWords(counted.amount) : '',
  };
}

export function referralTexts(state: CaseState, typed: Record<string, string>, documentList: () => MaterialRow[]) {
  const submitted = stepOf(state, ['referral'], ['submitReferral']);
  const sent = stepOf(state, ['referral'], ['sendReferral']);
  const kind = text(submitted?.data.kind);
  const listed = typed.referralMaterials || text(sent?.data.materials);
  return {
    referralReceiver: text(submitted?.data.receiver),
    referralReason: sentence(submitted?.data.reason),
    referralDetention: kind === '行政拘留',
    referralCrime: kind === '涉嫌犯罪',
    referralOther: kind === '其他机关',
    // Typed, else what was recorded as sent, else the case's own documents and evidence.
    referralMaterials: listed ? materialRows(listed) : documentList(),
  };
}
