/**
 * The operations table's implementation: one handler per operation, checked complete by the type and
 * unique when the core starts (combineHandlers.ts).
 */
import type { HandlerMap } from '../types.js';
import { combineHandlers } from '../combineHandlers.js'; // a handler registered twice fails at start
import { sessionHandlers } from './session.js';
import { accountHandlers } from './accounts.js'; // setup, users, audit log
import { referenceHandlers } from './reference.js';
import { caseHandlers } from './cases.js';
import { evidenceHandlers } from './evidence.js';
import { documentHandlers } from './documents.js';
import { dossierHandlers } from './dossier.js';
import { archivePackageHandlers } from './archivePackage.js'; // 电子档案包: export, verify, import
import { procedureHandlers } from './procedures.js';
import { templateHandlers } from './templates.js';
import { lawHandlers } from './laws.js'; // law library
import { enterpriseHandlers } from './enterprises.js'; // enterprise directory
import { discretionHandlers } from './discretion.js'; // discretion benchmark
import { recommendHandlers } from './recommend.js'; // recommendations
import { settingsHandlers } from './settings.js'; // 本局设置: PDF engine, seal, 期限提醒
import { legalBasisHandlers } from './legalBasis.js'; // the law of the act's date
import { startupHandlers } from './startup.js'; // damaged data files set aside at start
import { updateHandlers } from './updates.js'; // the desktop app's update feed
import { backupHandlers } from './backup.js'; // backups
import { securityHandlers } from './security.js'; // encryption at rest of the case database
import { jobHandlers } from './jobs.js'; // long work: the imports' progress, result and cancel
import { syncHandlers } from './sync.js'; // the sync client: enrolment, status, sync now, conflicts
import { draftHandlers } from './drafts.js'; // drafts of forms not yet submitted
import { queueHandlers } from './queues.js'; // each role's own work first: queues and counts
import { fieldTaskHandlers } from './fieldTasks.js'; // 现场检查任务 (双随机) from the province
import { noticeHandlers } from './notices.js'; // 通知公告 received at sync
import { caseDeskHandlers } from './caseDesk.js'; // the review summary, the 立案 county warning
import { searchHandlers } from './search.js'; // one search box across cases
import { fileReviewHandlers } from './fileReview.js'; // 案卷评查
import { signingCertificateHandlers } from './signingCertificate.js'; // 电子签章证书 (PAdES)

export const handlers: HandlerMap = combineHandlers({
  sessionHandlers,
  accountHandlers,
  referenceHandlers,
  caseHandlers,
  evidenceHandlers,
  documentHandlers,
  dossierHandlers,
  archivePackageHandlers,
  procedureHandlers,
  templateHandlers,
  lawHandlers,
  enterpriseHandlers,
  discretionHandlers,
  recommendHandlers,
  settingsHandlers,
  legalBasisHandlers,
  startupHandlers,
  updateHandlers,
  backupHandlers,
  securityHandlers,
  jobHandlers,
  syncHandlers,
  draftHandlers,
  queueHandlers,
  fieldTaskHandlers,
  noticeHandlers,
  caseDeskHandlers,
  searchHandlers,
  fileReviewHandlers,
  signingCertificateHandlers,
});
