/**
 * Whether a pushed event is lawful: the workstation's own check (main/core/domain/procedure/lawfulEvent.ts),
 * shared rather than copied — the workstation's sync client uses it too, to re-check a pending action
 * on the server's newer state after a conflict.
 */
export { lawProblems, type LawContext } from '#core/domain/procedure/lawfulEvent.js';
