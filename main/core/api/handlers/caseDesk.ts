/**
 * The case page's reads for the desk: `cases.reviewSummary`, the case's record as the reviewer approves
 * it (application/reviewSummary.ts), and `cases.jurisdiction`, the 立案 dialog's county warning.
 */
import { reviewSummaryOf } from '#core/application/reviewSummary.js';
import { jurisdictionOf } from '#core/application/jurisdiction.js';
import type { HandlerMap } from '../types.js';

export const caseDeskHandlers: HandlerMap<'cases.reviewSummary' | 'cases.jurisdiction'> = {
  'cases.reviewSummary': ({ caseId }, { services }) => reviewSummaryOf(services, services.cases.get(caseId)),
  'cases.jurisdiction': ({ enterpriseId }, { services }) => jurisdictionOf(services, enterpriseId),
};
