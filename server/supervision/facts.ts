/**
 * What the dashboards count of one case, worked out from its projection and its events with the
 * workstation's own domain code (deadlines by the procedure data and the working-day calendar, node
 * names by the definitions). Pure: the same case, events and day always give the same facts.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import { addDays } from '#core/domain/dates.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import type { DeadlineRule, ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { mainTrackId } from '#core/domain/procedure/engine.js';
import { suspendedDays } from '#core/domain/procedure/facts.js';

export interface CaseFacts {
  caseId: string;
  bureauId: string;
  headSeq: number;
  evaluatedOn: string;
  slides: boolean;
  number: string;
  party: string;
  procedureId: string;
  procedureName: string;
  node: string;
  nodeName: string;
  closed: boolean;
  violationId: string;
  violationName: string;
  fineDecided: number;
  fineCollected: number;
  officers: Array<{ id: string; name: string }>;
  deadlines: OpenDeadline[];
  steps: StepStay[];
}

export interface OpenDeadline {
  track: string;
  ruleId: string;
  name: string;
  citation: string;
  owner: 'bureau' | 'party';
  dueOn: string;
  warnAhead: number;
}

export interface StepStay {
  ordinal: number;
  node: string;
  nodeName: string;
  enteredAt: string;
  seconds: number;
}

/** The events a stay is read from: 立案 and the main procedure's actions, in log order. */
export interface StepEvent {
  seq: number;
  type: string;
  at: string;
  /** case.opened: the start node; action.performed: where it went (null: stayed). */
  to: string | null;
  track: string | null;
}

type Procedures = ReadonlyMap<string, ProcedureDefinition>;

const nodeName = (def: ProcedureDefinition | undefined, id: string): string =>
  def?.nodes.find((n) => n.id === id)?.name ?? id;

/**
 * Each stay of the main procedure at a node, entered by 立案 or an action that moved the case, left
 * by the next action that moved it. The stay at the current node has not ended and is not counted.
 */
export function stepStays(events: readonly StepEvent[], def: ProcedureDefinition | undefined): StepStay[] {
  const stays: StepStay[] = [];
  let current: { node: string; at: string } | null = null;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.type === 'case.opened' && e.to) {
      current = { node: e.to, at: e.at };
      continue;
    }
    if (e.type !== 'action.performed' || (e.track ?? mainTrackId) !== mainTrackId) continue;
    if (!current || !e.to || e.to === current.node) continue;
    const seconds = Math.max(0, (Date.parse(e.at) - Date.parse(current.at)) / 1000);
    stays.push({
      ordinal: stays.length,
      node: current.node,
      nodeName: nodeName(def, current.node),
      enteredAt: current.at,
      seconds,
    });
    current = { node: e.to, at: e.at };
  }
  return stays;
}

function openDeadlines(
  procedures: Procedures,
  calendar: WorkingCalendar,
  s: CaseState,
  today: string,
): { deadlines: OpenDeadline[]; slides: boolean } {
  const out: OpenDeadline[] = [];
  let slides = false;
  const tracks: Array<{ id: string; def: ProcedureDefinition | undefined }> = [
    { id: mainTrackId, def: procedures.get(`${s.procedure.id}@${s.procedure.version}`) },
    ...s.tracks
      .filter((t) => !t.endedOn)
      .map((t) => ({ id: t.id, def: procedures.get(`${t.procedure.id}@${t.procedure.version}`) })),
  ];
  for (const { id, def } of tracks) {
    if (!def) continue;
    const views = evaluateDeadlines(def.deadlines, s, id, { today, calendar, warnAheadWorkingDays: 0 });
    // A suspended track's pausing deadlines move each day the suspension lasts: re-evaluated daily.
    const suspendedNow = suspendedDays(s, id, '', today).some(([, end]) => end === today);
    for (const v of views) {
      if (v.status === 'met') continue;
      const rule = def.deadlines.find((r: DeadlineRule) => r.id === v.id);
      if (suspendedNow && rule?.pausedWhileSuspended) slides = true;
      out.push({
        track: id,
        ruleId: v.id,
        name: v.name,
        citation: v.citation,
        owner: rule?.owner ?? 'bureau',
        dueOn: v.dueOn,
        warnAhead: def.warnAheadWorkingDays,
      });
    }
  }
  return { deadlines: out, slides };
}

/** The fine of an approved penalty decision (a decision awaiting approval is not decided yet). */
export function fineDecided(s: CaseState): number {
  return s.decision?.kind === 'penalty' && s.decision.approvedOn ? s.decision.fine : 0;
}

export function fineCollected(s: CaseState): number {
  return s.payments.reduce((n, p) => n + p.amount, 0);
}

export function caseFacts(
  procedures: Procedures,
  calendar: WorkingCalendar,
  row: { id: string; bureauId: string; headSeq: number; state: CaseState },
  events: readonly StepEvent[],
  today: string,
): CaseFacts {
  const s = row.state;
  const def = procedures.get(`${s.procedure.id}@${s.procedure.version}`);
  const closed = s.closedOn !== null;
  const { deadlines, slides } = closed
    ? { deadlines: [], slides: false }
    : openDeadlines(procedures, calendar, s, today);
  // Projections written by older workstations name the violation type `typeId`.
  const v = s.violation as CaseState['violation'] & { typeId?: string };
  return {
    caseId: row.id,
    bureauId: row.bureauId,
    headSeq: row.headSeq,
    evaluatedOn: today,
    slides,
    number: s.number,
    party: s.party.name,
    procedureId: s.procedure.id,
    procedureName: def?.name ?? s.procedure.id,
    node: s.node,
    nodeName: nodeName(def, s.node),
    closed,
    violationId: v.id ?? v.typeId ?? '',
    violationName: v.name,
    fineDecided: fineDecided(s),
    fineCollected: fineCollected(s),
    officers: closed ? [] : uniqueOfficers(s.officers),
    deadlines,
    steps: stepStays(events, def),
  };
}

function uniqueOfficers(officers: CaseState['officers']): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const o of officers) if (!seen.has(o.id)) seen.set(o.id, o.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * The last day whose deadlines are "due soon" today: the domain's rule is "at most `warnAhead`
 * working days left" (deadlines.ts), and that count only grows with the due date, so the set is a
 * range of days ending here.
 */
export function dueSoonUntil(calendar: WorkingCalendar, today: string, warnAhead: number): string {
  let d = today;
  for (let i = 0; i < 400; i++) {
    const next = addDays(d, 1);
    if (calendar.workingDaysBetween(today, next) > warnAhead) return d;
    d = next;
  }
  return d;
}
