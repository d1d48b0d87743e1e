/**
 * What a conflict tells the clerk and keeps for him (docs/server.md "Sync client"): what the other
 * desk did first — the server's events his pending work met, by who and what —, and the kept action's
 * typed data as his draft of that action's form (drafts.*), so that opening the action again on the
 * case page restores what he typed. Never merged into the case: he redoes it, or discards it.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { SyncConflict } from '#common/schemas/sync.js';
import { formValuesOfData } from '#common/conflictDraft.js';
import { actionDraftForm } from '#common/schemas/drafts.js';
import { eventTypeNames, type CaseEvent } from '#core/domain/events.js';
import { mainTrackId, trackOf } from '#core/domain/procedure/engine.js';
import { putDraft, readDraft } from '#core/store/drafts.js';
import type { Services } from '#core/services.js';

/** Items named in `theirs`; more are counted. */
const maxNamed = 4;

function actionOf(services: Services, state: CaseState, action: string, track: string) {
  try {
    return trackOf(state, track, services.procedures).def.actions.find((a) => a.id === action) ?? null;
  } catch {
    return null; // a track this state does not have yet: named by its id
  }
}

/** “杨建国：批准立案（2026-03-02）；张伟：上传证据”, newest last. */
export function theirsOf(services: Services, state: CaseState, events: readonly CaseEvent[]): string {
  const items = events.map((e) => {
    if (e.type !== 'action.performed') return `${e.actorName}：${eventTypeNames[e.type]}`;
    const p = e.payload;
    const name = actionOf(services, state, p.action, p.track ?? mainTrackId)?.name ?? p.action;
    return `${e.actorName}：${name}${p.on ? `（${p.on}）` : ''}`;
  });
  const shown = items.slice(-maxNamed);
  const more = items.length - shown.length;
  return `${more > 0 ? `……等${items.length}项，最后为：` : ''}${shown.join('；')}`;
}

/**
 * The kept action's data becomes its actor's draft of the action's form, unless he already has one
 * there (typed since: newer than the kept data, which the conflict still holds). Null when the first
 * kept record is not an action. Inside the caller's transaction.
 */
export function keepAsDraft(
  services: Services,
  state: CaseState,
  first: CaseEvent,
  now: string,
): NonNullable<SyncConflict['draft']> | null {
  if (first.type !== 'action.performed') return null;
  const p = first.payload;
  const track = p.track ?? mainTrackId;
  const action = actionOf(services, state, p.action, track);
  const form = actionDraftForm(p.action, track);
  const values = formValuesOfData(p.data);
  if (action?.form && Object.keys(values).length && !readDraft(services.db, first.actorId, state.id, form))
    putDraft(services.db, first.actorId, state.id, form, JSON.stringify(values), now);
  return { action: p.action, actionName: action?.name ?? p.action, track, form };
}
