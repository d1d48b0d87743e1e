/**
 * Which buttons a user may ever press on a case page: the operation's roles (`canCall`, from the
 * operations table) and the procedure's declared actor of the action (`roles`, procedure data). One he
 * can never use is not shown; one he may use later stays, disabled with why. No role is named here.
 */
import type { ActionView, StartableTrack } from '#common/schemas/cases';
import { roleNames, type Role } from '#common/roles';

/** The procedure lets one of these roles take the action (now or once its conditions hold). */
export function mayEverAct(action: Pick<ActionView, 'roles'>, roles: readonly Role[]): boolean {
  return action.roles.some((r) => roles.includes(r as Role));
}

/** The core's reasons name the roles a track's `attach` wants when the user has none of them. */
export function mayEverStart(track: StartableTrack): boolean {
  return !track.reasons.some((r) => r.rule === 'role');
}

/** “本环节的操作须由负责人执行（批准立案、退回立案申请）”: what the hidden buttons wait for, so the page is never silent. */
export function othersDo(hidden: readonly Pick<ActionView, 'roles' | 'name'>[]): string {
  const who = [...new Set(hidden.flatMap((a) => a.roles))].map((r) => roleNames[r as Role] ?? r).join('或');
  return `本环节的其他操作须由${who}执行（${hidden.map((a) => a.name).join('、')}）。`;
}
