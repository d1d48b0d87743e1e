/**
 * Every document the procedures issue (resources/procedures/*.json, node `documents`): the
 * manifest entries of templates/manifest.json and the builders of their bodies, one file per
 * group. Ids are those of resources/documents/types.json; the manifest lists them in this order.
 */
import { approvalEntries } from './approvals.js';
import { decisionEntries } from './decisions.js';
import { dossierEntries } from './dossier.js';
import { evidenceEntries } from './evidence.js';
import { executionEntries } from './execution.js';
import type { CatalogEntry } from './fields.js';
import { hearingEntries } from './hearing.js';
import { orderEntries } from './orders.js';
import { receiptEntries } from './receipt.js';
import { recordEntries } from './records.js';
import { referralEntries } from './referral.js';
import { reviewEntries } from './reviews.js';
import { seizureEntries } from './seizure.js';

export type { CatalogEntry } from './fields.js';
export { templateVersion } from './fields.js';

export const catalog: CatalogEntry[] = [
  ...approvalEntries.slice(0, 1), // 立案审批表
  ...recordEntries,
  ...evidenceEntries,
  ...reviewEntries,
  ...approvalEntries.slice(1),
  ...decisionEntries,
  ...hearingEntries,
  ...receiptEntries,
  ...orderEntries,
  ...seizureEntries,
  ...executionEntries,
  ...referralEntries,
  ...dossierEntries,
];
