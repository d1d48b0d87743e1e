/**
 * Every migration in order, named by timestamp. Append only: never edit or reorder a released
 * one, never reuse a retired name. The schema snapshot test fails when the result changes.
 */
import { sql as initial } from './20261126T1900_initial.js';
import { sql as lawLibrary } from './20261127T0300_law_library.js'; // law library
import { sql as enterpriseDirectory } from './20261127T1500_enterprise_directory.js'; // enterprise directory
import { sql as discretionBenchmarks } from './20261127T1600_discretion_benchmarks.js'; // discretion benchmark
import { sql as accounts } from './20261207T1000_accounts.js'; // sessions hashed, lockout, audit log
import { sql as appendOnly } from './20261207T1300_append_only.js'; // case_events closed to INSERT OR REPLACE
import { sql as caseScope } from './20261207T1500_case_scope.js'; // the case list's access filter without JSON
import { sql as usersDisabled } from './20261207T1710_users_disabled.js'; // 用户管理, accounts disabled, never deleted
import { sql as thumbnails } from './20261207T1730_thumbnails.js'; // evidence photos' thumbnails (derived, like derived_pdfs)
import { sql as syncClient } from './20261207T2000_sync_client.js'; // the sync client: outbox, cursors, conflicts
import { sql as drafts } from './20261207T2130_drafts.js'; // drafts of forms not yet submitted
import { sql as workQueues } from './20261207T2140_work_queues.js'; // queues, deadlines as rows, list index, clock resume
import { sql as syncBlocksFiles } from './20261207T2150_sync_blocks_files.js'; // number blocks, files on the server, reference applied
import { sql as syncConflictDrafts } from './20261207T2310_sync_conflict_drafts.js'; // conflicts: the other desk's work, the draft, the resolution
import { sql as fieldTasks } from './20261207T2320_field_tasks.js'; // 现场检查任务 (双随机) received and recorded
import { sql as searchIndex } from './20261207T2350_search_index.js'; // one search box across cases: segmented FTS5, OCR pages
import { sql as dossierPackages } from './20261208T0010_dossier_packages.js'; // 电子档案包 exported from a dossier
import { sql as notices } from './20261208T0100_notices.js'; // 通知公告 received, and who read them
import { sql as inspectionChecklists } from './20261208T0110_inspection_checklists.js'; // 行业检查要点 ticked
import { sql as ocrFiles } from './20261208T0230_ocr_files.js'; // scans read by OCR to their end
import { sql as noticeWithdrawal } from './20261208T0320_notice_withdrawal.js'; // 通知公告 withdrawn by the publisher
import { sql as syncUsersEtag } from './20261208T0410_sync_users_etag.js'; // the users reply answered 304 when unchanged
import { sql as pendingUploads } from './20261208T0520_pending_uploads.js'; // uploads not yet added as evidence survive a restart

export interface Migration {
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { name: '20261126T1900_initial', sql: initial },
  { name: '20261127T0300_law_library', sql: lawLibrary },
  { name: '20261127T1500_enterprise_directory', sql: enterpriseDirectory },
  { name: '20261127T1600_discretion_benchmarks', sql: discretionBenchmarks },
  { name: '20261207T1000_accounts', sql: accounts },
  { name: '20261207T1300_append_only', sql: appendOnly },
  { name: '20261207T1500_case_scope', sql: caseScope },
  { name: '20261207T1710_users_disabled', sql: usersDisabled },
  { name: '20261207T1730_thumbnails', sql: thumbnails },
  { name: '20261207T2000_sync_client', sql: syncClient },
  { name: '20261207T2130_drafts', sql: drafts },
  { name: '20261207T2140_work_queues', sql: workQueues },
  { name: '20261207T2150_sync_blocks_files', sql: syncBlocksFiles },
  { name: '20261207T2310_sync_conflict_drafts', sql: syncConflictDrafts },
  { name: '20261207T2320_field_tasks', sql: fieldTasks },
  { name: '20261207T2350_search_index', sql: searchIndex },
  { name: '20261208T0010_dossier_packages', sql: dossierPackages },
  { name: '20261208T0100_notices', sql: notices },
  { name: '20261208T0110_inspection_checklists', sql: inspectionChecklists },
  { name: '20261208T0230_ocr_files', sql: ocrFiles },
  { name: '20261208T0320_notice_withdrawal', sql: noticeWithdrawal },
  { name: '20261208T0410_sync_users_etag', sql: syncUsersEtag },
  { name: '20261208T0520_pending_uploads', sql: pendingUploads },
];
