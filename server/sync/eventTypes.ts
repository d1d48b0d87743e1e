/**
 * The wire's list of event types (common/sync/events.ts) is the domain's (main/core/domain/events.ts):
 * this fails to compile when one gains a type the other lacks.
 */
import type { CaseEventBody } from '#core/domain/events.js';
import type { caseEventTypes } from '#common/sync/events.js';

type Wire = (typeof caseEventTypes)[number];
type Domain = CaseEventBody['type'];
export const eventTypesAgree: [Exclude<Wire, Domain>, Exclude<Domain, Wire>] extends [never, never] ? true : never =
  true;
