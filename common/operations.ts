/**
 * The operations contract: every operation of the workstation, declared once.
 * Electron IPC, the local web host and the CLI are thin transports over this table,
 * and the renderer's `send(op, input)` is typed from it (design rule 2).
 */
import { z } from 'zod';
import type { Role } from './roles.js';
import { appInfo, loginInput, loginOutput, userView } from './schemas/session.js';
// Accounts
import {
  accountRow,
  auditListInput,
  auditListOutput,
  changePasswordInput,
  resetPasswordInput,
  setupInput,
  setupOutput,
} from './schemas/accounts.js';
import { createUserInput, setRolesInput, userRefInput } from './schemas/accounts.js'; // 用户管理
import { startupReportOutput } from './schemas/startup.js';
import { enterpriseSearchInput, officer, violationType } from './schemas/reference.js';
import { deadlineOverview, deadlineOverviewInput, startTrackInput } from './schemas/cases.js';
import { myQueues, queueCounts, queuesInput } from './schemas/queues.js'; // each role's own work first
import { calendarImportInput, calendarInfo } from './schemas/calendar.js';
import {
  actInput,
  caseListInput,
  caseListRow,
  caseView,
  historyOutput,
  openCaseInput,
  evidenceRecord,
  documentRecord,
  recordLawFiguresInput,
} from './schemas/cases.js';
import { reviewSummary } from './schemas/reviewSummary.js'; // what the reviewer approves
// The law of the act's date (从旧兼从轻)
import { legalBasis, legalBasisInput } from './schemas/legalBasis.js';
import { isoDate } from './schemas/primitives.js';
import {
  addEvidenceInput,
  blobOutput,
  documentChanges,
  dossierBuildInput,
  dossierOutput,
  finaliseInput,
  generateInput,
  pdfOutput,
  reimportInput,
  templateInfo,
} from './schemas/documents.js';
import { sha256 } from './schemas/primitives.js';
// 电子档案包: export, verify and import a case's dossier as one package
import { packageImported, packageReport, packageSource } from './schemas/archivePackage.js';
// 案卷评查: the automatic review of a file before 归档, the answers to its deductions, the bureau's scores
import { fileReviewState, reviewRespondInput, reviewScoreRow } from './schemas/fileReview.js';
import { dossierArrangeInput, dossierOrderView } from './schemas/dossierOrder.js'; // a reviewer's order of the file
// every input bounded (common/schemas/limits.test.ts)
import { base64File, boundedJson, key } from './schemas/primitives.js';
import { maxTemplateBytes } from './schemas/documents.js';
import { maxSealBytes } from './schemas/settings.js';
import {
  backupInfo,
  backupListOutput,
  backupRestoreInput,
  backupRestoreOutput,
  backupSetFolderInput,
} from './schemas/backup.js';
import { encryptionStatus } from './schemas/security.js'; // encryption at rest of the case database
// 本局设置: PDF engine, seal image, 期限提醒
import { pdfTestInput, pdfTestOutput, setSealOutput, settingsUpdateInput, settingsView } from './schemas/settings.js';
import { setCertificateInput, signingCertificateView } from './schemas/signing.js'; // 电子签章证书
// 软件更新: the desktop app's update feed
import { updatesSetSourceInput, updatesView } from './schemas/updates.js';
// Enterprise directory
import { enterpriseImportInput, enterprisePage, enterpriseSummary } from './schemas/enterprises.js';
// Law library
import {
  articleResolution,
  lawApplicableInput,
  lawApplicableOutput,
  lawArticleInput,
  lawCiteInput,
  lawGetInput,
  lawGetOutput,
  lawImportInput,
  lawInfo,
  lawSearchInput,
  lawSearchOutput,
} from './schemas/laws.js';
// Discretion benchmark and recommendations
import {
  benchmarkVersionInfo,
  calculateInput,
  calculateOutput,
  discretionBenchmark,
  discretionExportOutput,
  discretionImportInput,
  discretionListInput,
  missingEvidenceInput,
  missingEvidenceOutput,
  priorViolationsInput,
  priorViolationsOutput,
  recommendViolationsInput,
  recommendViolationsOutput,
} from './schemas/discretion.js';
// Long work as jobs: the imports answer with a job id at once (common/jobs.ts, main/core/jobs/).
import { jobRef, jobStarted, jobView } from './schemas/jobs.js';
// Sync with the provincial server (main/core/sync/): enrolment, status, a round now, conflicts.
import { syncConflict, syncDiscardConflictInput, syncEnrolInput, syncNowOutput, syncStatus } from './schemas/sync.js';
// Drafts of forms not yet submitted, kept per user, case and form.
import { draftRef, draftSaveInput, draftSummary, draftView } from './schemas/drafts.js';
import { searchQueryInput, searchQueryOutput } from './schemas/search.js'; // one search box across cases
// 现场检查任务 (双随机) received from the province: the list, the inspection, 立案 from it.
import { fieldAssignment, openFromInspectionInput, recordInspectionInput } from './schemas/fieldTasks.js';
// 通知公告 received from the province or the prefecture, read offline; who read them goes up at sync.
import { noticeRef, noticeUnread, noticeView } from './schemas/notices.js';

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: string;
  input: I;
  output: O;
  /** Who may call it; 'public' needs no login, 'any' needs a login with any role. */
  access: 'public' | 'any' | readonly Role[];
  /** Long work: transports show progress and allow a longer time-out. */
  long?: boolean;
}

function op<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

const empty = z.object({});
const procedureSummary = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  kind: z.string(),
  nodes: z.number().int(),
  actions: z.number().int(),
  deadlines: z.number().int(),
});
const templateVersion = z.object({ version: z.string(), source: z.enum(['bundled', 'loaded']) });
const caseRef = z.object({ caseId: key(64, '案件标识') });

export const operations = {
  'app.info': op({
    description: '工作站信息（单位、演示账号、PDF引擎）',
    input: empty,
    output: appInfo,
    access: 'public',
  }),
  'app.startupReport': op({
    description: '启动检查：启动时发现已损坏并移开的数据文件（节假日日历、程序定义、文书模板）',
    input: empty,
    output: startupReportOutput,
    access: 'any',
  }),
  'session.login': op({ description: '登录', input: loginInput, output: loginOutput, access: 'public' }),
  'session.logout': op({
    description: '退出登录',
    input: empty,
    output: z.object({ ok: z.literal(true) }),
    access: 'any',
  }),
  'session.me': op({ description: '当前用户', input: empty, output: userView, access: 'any' }),
  // Accounts: first-run setup, passwords, the audit log.
  'setup.run': op({
    description: '初始设置（仅新安装的工作站，仅一次）：本单位（全称、简称、所在区县）和系统管理员账号',
    input: setupInput,
    output: setupOutput,
    access: 'public',
  }),
  'session.changePassword': op({
    description: '修改本人密码（须输入原密码；新密码须符合密码规则）',
    input: changePasswordInput,
    output: userView,
    access: 'any',
  }),
  'users.list': op({
    description: '用户账号：角色、是否须修改密码、锁定状态、最近登录',
    input: empty,
    output: z.array(accountRow),
    access: ['admin'],
  }),
  'users.resetPassword': op({
    description: '重置用户密码：设定临时密码（须符合密码规则），用户下次登录须修改；解除锁定并结束其登录',
    input: resetPasswordInput,
    output: z.object({ ok: z.literal(true) }),
    access: ['admin'],
  }),
  // 用户管理: add users, change roles, disable (never delete: names stand in case histories).
  'users.create': op({
    description: '新建用户：用户名、姓名、角色（办案人员须填写执法证号和有效期）、临时密码（首次登录须修改）',
    input: createUserInput,
    output: accountRow,
    access: ['admin'],
  }),
  'users.setRoles': op({
    description: '修改用户角色（须保留至少一名在用的系统管理员；成为办案人员而无执法证的须填写执法证）',
    input: setRolesInput,
    output: accountRow,
    access: ['admin'],
  }),
  'users.disable': op({
    description:
      '停用账号：不能再登录，其登录立即结束；账号不删除（案件记录中保留其姓名）；最后一名在用的系统管理员不能停用',
    input: userRefInput,
    output: accountRow,
    access: ['admin'],
  }),
  'users.enable': op({
    description: '重新启用已停用的账号',
    input: userRefInput,
    output: accountRow,
    access: ['admin'],
  }),
  'audit.list': op({
    description: '安全审计日志：登录、登录失败、锁定、修改和重置密码（时间、用户、设备、结果），分页',
    input: auditListInput,
    output: auditListOutput,
    access: ['admin'],
  }),

  // Enterprise directory: search by name/code/法定代表人/地址/拼音首字母, an enterprise's page, import.
  'enterprises.search': op({
    description: '检索企业名录（名称、统一社会信用代码、法定代表人、地址、拼音首字母）',
    input: enterpriseSearchInput,
    output: z.array(enterpriseSummary),
    access: 'any',
  }),
  'enterprises.get': op({
    description: '企业详情及其案件和现场检查记录',
    input: z.object({ id: key(64, '企业标识').min(1) }),
    output: enterprisePage,
    access: 'any',
  }),
  'enterprises.import': op({
    description:
      '导入企业名录（省厅下发的 .xlsx 或 .csv，UTF-8或GBK）：逐行校验，报告错误行及原因，按统一社会信用代码更新',
    input: enterpriseImportInput,
    output: jobStarted,
    access: ['reviewer', 'head', 'admin'],
    long: true,
  }),
  'officers.list': op({ description: '本单位执法人员及执法证', input: empty, output: z.array(officer), access: 'any' }),
  'violations.list': op({
    description: '违法行为类型及法律依据、处罚幅度；给出日期时只列该日施行的法律规定的类型',
    input: z.object({ on: isoDate.optional() }).default({}),
    output: z.array(violationType),
    access: 'any',
  }),
  'templates.list': op({ description: '文书模板清单', input: empty, output: z.array(templateInfo), access: 'any' }),

  'cases.list': op({
    description: '案件列表（按状态筛选、检索）',
    input: caseListInput,
    output: z.object({ total: z.number().int(), rows: z.array(caseListRow) }),
    access: 'any',
  }),
  'search.query': op({
    description: '全文检索本工作站可查看的案件：案号、当事人、文书正文、证据说明、扫描件识别文字',
    input: searchQueryInput,
    output: searchQueryOutput,
    access: ['officer', 'reviewer', 'head'],
  }),
  'cases.open': op({
    description: '立案：选择当事人、违法行为和两名以上执法人员，取得案件编号',
    input: openCaseInput,
    output: caseView,
    access: ['officer', 'head'],
  }),
  // 管辖 at 立案 (application/jurisdiction.ts): the dialog warns before the clerk submits.
  'cases.jurisdiction': op({
    description: '立案管辖提示：当事人登记的区县与本局所在区县不同时，给出提示（须记录管辖理由）',
    input: z.object({ enterpriseId: key(64, '当事人标识').min(1, '请选择当事人') }),
    output: z.object({
      outside: z.boolean(),
      message: z.string().nullable(),
      bureauCounty: z.string(),
      partyCounty: z.string(),
    }),
    access: ['officer', 'head'],
  }),
  'cases.get': op({
    description: '案件详情：所处阶段、下一步要求、可执行的操作及理由、期限',
    input: caseRef,
    output: caseView,
    access: 'any',
  }),
  // What a reviewer or head approves, read from the case's record (application/reviewSummary.ts).
  'cases.reviewSummary': op({
    description:
      '审查摘要：违法事实、证据清单、适用条款、拟处罚、裁量计算和合法性审查各项结果（审查、法制审核、审批环节）',
    input: caseRef,
    output: reviewSummary.nullable(),
    access: 'any',
  }),
  'cases.act': op({
    description: '执行程序操作（提交、审批、送达、缴款等）',
    input: actInput,
    output: caseView,
    access: 'any',
  }),
  'cases.recordLawFigures': op({
    description: '记录比较新旧规定所需的数额（如建设项目总投资额）、情节严重、对应的新条款、继续状态终了之日',
    input: recordLawFiguresInput,
    output: caseView,
    access: ['officer', 'reviewer', 'head'],
  }),
  'cases.startTrack': op({
    description: '启动附加程序（责令改正、查封扣押、按日连续处罚、限产停产、移送、先行登记保存）',
    input: startTrackInput,
    output: caseView,
    access: ['officer', 'head'],
  }),
  // Procedures issue: deadlines, settings, calendars, procedure data.
  'deadlines.overview': op({
    description: '本局到期提醒：即将到期和已逾期的期限（本局办理期限与当事人期限分开）',
    input: deadlineOverviewInput,
    output: deadlineOverview,
    access: 'any',
  }),
  // Each role's own work first (application/queues.ts): where cases wait for the user, and the badges.
  'queues.mine': op({
    description: '我的工作：待我审批、待我审核（按程序数据中等待本人角色的步骤）和我的案件（附最近期限）',
    input: queuesInput,
    output: myQueues,
    access: 'any',
  }),
  'queues.counts': op({
    description: '导航角标：各待办数、我的案件数、需关注的期限数（本局与当事人分列）',
    input: empty,
    output: queueCounts,
    access: 'any',
  }),
  // 本局设置 (handlers/settings.ts): 期限提醒, the PDF engine, the seal image, 试打印.
  'settings.get': op({
    description:
      '本局设置：期限提前提醒的工作日数、PDF引擎（本机可用的引擎）、本局印章、本局文书信息（地址电话、诉讼法院、罚款缴纳方式）',
    input: empty,
    output: settingsView,
    access: 'any',
  }),
  'settings.update': op({
    description: '修改本局设置（可只改其中一项）；本机不能使用的PDF引擎不予设置；新引擎自下一份文书起使用',
    input: settingsUpdateInput,
    output: settingsView,
    access: ['head'],
  }),
  // 电子签章证书 (handlers/signingCertificate.ts): the PKCS#12 file that signs the bound volumes (PAdES).
  'settings.setCertificate': op({
    description: '设置本局电子签章证书（PKCS#12文件.p12/.pfx及其密码）：组卷时对卷宗PDF签章；证书须在有效期内',
    input: setCertificateInput,
    output: signingCertificateView,
    access: ['head', 'admin'],
  }),
  'settings.clearCertificate': op({
    description: '删除本局电子签章证书（此后组卷不再签章）',
    input: empty,
    output: z.object({ removed: z.boolean() }),
    access: ['head', 'admin'],
  }),
  'settings.clearSeal': op({
    description: '删除本局印章图片（此后定稿的文书加盖绘制的印章）',
    input: empty,
    output: z.object({ removed: z.boolean() }),
    access: ['head'],
  }),
  'pdf.test': op({
    description: '试打印：用当前（或指定的）PDF引擎转换一份样例文书，报告页数和用时',
    input: pdfTestInput,
    output: pdfTestOutput,
    access: 'any',
    long: true,
  }),
  // 软件更新 (handlers/updates.ts): the feed folder or address, a check on demand (desktop app only).
  'updates.get': op({
    description: '软件更新：更新文件所在的文件夹或网址、当前版本、最近一次检查的结果',
    input: empty,
    output: updatesView,
    access: 'any',
  }),
  'updates.setSource': op({
    description: '设置软件更新的位置：文件夹（本机、U盘、局域网共享）或网址；留空则用安装包内置的地址',
    input: updatesSetSourceInput,
    output: updatesView,
    access: ['head', 'admin'],
  }),
  'updates.check': op({
    description: '立即检查软件更新（仅桌面程序）：发现新版本即在后台下载，退出程序时安装',
    input: empty,
    output: updatesView,
    access: ['head', 'admin'],
    long: true,
  }),
  'calendar.list': op({ description: '已载入的节假日日历年份', input: empty, output: calendarInfo, access: 'any' }),
  'calendar.import': op({
    description: '载入新一年的节假日和调休安排（国务院办公厅通知），无须升级软件',
    input: calendarImportInput,
    output: calendarInfo,
    access: ['head'],
  }),
  'procedures.import': op({
    description:
      '载入程序定义的新版本（增加节点、挂接文书、调整期限）：经格式和结构检查后用于新立案件，运行中的案件保留原版本',
    input: z.object({ definition: boundedJson(1_000_000, '程序定义') }),
    output: procedureSummary,
    access: ['admin', 'head'],
  }),
  'procedures.list': op({
    description: '程序定义（版本、节点、操作、期限）',
    input: empty,
    output: z.array(procedureSummary),
    access: 'any',
  }),
  'cases.history': op({
    description: '案件全过程记录（谁、何时、做了什么）及哈希链校验',
    input: caseRef,
    output: historyOutput,
    access: 'any',
  }),

  'evidence.add': op({
    description: '上传证据照片或执行凭证（缴款凭证、法院文书的扫描件）',
    input: addEvidenceInput,
    output: evidenceRecord,
    access: ['officer', 'head'],
  }),
  'documents.generate': op({
    description: '由模板生成文书（DOCX）并归入案件',
    input: generateInput,
    output: documentRecord,
    access: ['officer', 'reviewer', 'head'],
    long: true,
  }),
  'documents.pdf': op({
    description: '将文书转换为PDF（预览、打印）',
    input: z.object({ caseId: key(64, '案件标识'), documentId: key(64, '文书标识') }),
    output: pdfOutput,
    access: 'any',
    long: true,
  }),
  // Documents issue: edit in Word/WPS and re-import, finalise and seal, the bureau's seal.
  'documents.reimport': op({
    description: '导入在Word/WPS中修改后的文书：记为新版本，并列出改动的数据项',
    input: reimportInput,
    output: z.object({ document: documentRecord, changes: documentChanges }),
    access: ['officer', 'head'],
  }),
  'documents.finalise': op({
    description: '文书定稿：锁定、计算哈希、加盖本局印章并归入卷宗（此后只能更正）',
    input: finaliseInput,
    output: documentRecord,
    access: ['officer', 'head'],
    long: true,
  }),
  'settings.setSeal': op({
    description: '设置本局印章图片（PNG，透明背景）',
    input: z.object({ pngBase64: base64File(maxSealBytes, '印章图片', '请选择印章图片') }),
    output: setSealOutput,
    access: ['head'],
  }),
  'templates.import': op({
    description: '载入文书模板的新版本（检查标签语法、未知标签和必备项后启用）',
    input: z.object({
      type: key(100, '文书类型'),
      fileName: z.string().min(1).max(200),
      contentBase64: base64File(maxTemplateBytes, '模板文件'),
    }),
    output: z.object({ type: z.string(), version: z.string(), versions: z.array(templateVersion) }),
    access: ['head', 'admin'],
  }),
  'templates.versions': op({
    description: '文书模板的各版本（最新者用于新文书）',
    input: z.object({ type: key(100, '文书类型') }),
    output: z.array(templateVersion),
    access: 'any',
  }),
  // Files travel as bytes (common/files.ts); this Base64 form stays for the CLI and scripts, bounded (maxBlobReadBytes).
  'blobs.read': op({
    description: '读取不超过16MB的文件内容（Base64，供命令行和脚本使用；界面以二进制方式读取文件）',
    input: z.object({ hash: sha256, caseId: key(64, '案件标识').optional() }),
    output: blobOutput,
    access: 'any',
  }),
  'dossier.build': op({
    description: '组卷：封面（保管期限、件数、页数、立卷人）、卷内目录、文书和证据、页码、书签、备考表',
    input: dossierBuildInput,
    output: dossierOutput,
    access: ['officer', 'reviewer', 'head'],
    long: true,
  }),
  // The order of the file: the manifest's rules, within which a reviewer or head may reorder and leave drafts out.
  'dossier.order': op({
    description:
      '卷内材料的排列：按文书清单规定的顺序，或法制审核人员在规定范围内调整后的顺序；标明未定稿文书和不入卷的材料',
    input: caseRef,
    output: dossierOrderView,
    access: ['officer', 'reviewer', 'head'],
  }),
  'dossier.arrange': op({
    description:
      '调整卷内顺序：只能在文书清单规定的同组内调整，送达回证紧随其证明送达的文书；只有未定稿的文书可以不入卷（记入案件）',
    input: dossierArrangeInput,
    output: dossierOrderView,
    access: ['reviewer', 'head'],
  }),
  // 电子档案包 (docs/decisions.md): the package is a stored file read through the case (common/files.ts).
  'dossier.exportPackage': op({
    description:
      '导出电子档案包：最后一次组卷的正卷、副卷PDF，各文书的DOCX和PDF，证据原件，案件全过程记录（含哈希链），以及列明每个文件SHA-256和档案元数据的清单',
    input: caseRef,
    output: jobStarted,
    access: ['officer', 'reviewer', 'head'],
    long: true,
  }),
  'dossier.verifyPackage': op({
    description: '校验电子档案包：逐项报告被改动、缺失和多出的文件，清单或其数字摘要不符，事件记录哈希链断开之处',
    input: packageSource,
    output: packageReport,
    access: 'any',
    long: true,
  }),
  'dossier.importPackage': op({
    description:
      '导入电子档案包（其他工作站导出的）：先校验，全部通过才写入；案件记录原样写入并核对哈希链，文件存入本机，卷宗和全过程记录与导出时一致；重复导入不作更改',
    input: packageSource,
    output: packageImported,
    access: ['reviewer', 'head', 'admin'],
    long: true,
  }),
  'review.run': op({
    description:
      '案卷评查：按评查标准（主体合法、事实清楚、证据充分、适用法律正确、程序合法、文书规范、执行到位、归档规范）对案卷自动评分，每个扣分项写明规则、依据和页码；结果记入案件，下次组卷时归入副卷',
    input: caseRef,
    output: fileReviewState,
    access: ['officer', 'reviewer', 'head'],
    long: true,
  }),
  'review.respond': op({
    description: '答复评查扣分项：认可或者提出异议，并写明理由（记入案件）',
    input: reviewRespondInput,
    output: fileReviewState,
    access: ['reviewer', 'head'],
  }),
  'review.scores': op({
    description: '本局已归档案件的案卷评查得分',
    input: empty,
    output: z.array(reviewScoreRow),
    access: ['head'],
  }),

  // Law library: versioned articles, import from Markdown, citation, search, 从旧兼从轻.
  'laws.import': op({
    description: '导入法律法规文本（Markdown，每个文件为一部法律的一个版本；或CLI给出文件夹路径）',
    input: lawImportInput,
    output: jobStarted,
    access: ['reviewer', 'head', 'admin'],
    long: true,
  }),
  'laws.list': op({
    description: '法律法规库：已载入的法律及其各版本',
    input: empty,
    output: z.array(lawInfo),
    access: 'any',
  }),
  'laws.get': op({
    description: '一部法律某一版本的全部条文（默认最新版本）',
    input: lawGetInput,
    output: lawGetOutput,
    access: 'any',
  }),
  'laws.article': op({
    description: '查看条文：某日有效的条文及其版本；未载入时说明原因',
    input: lawArticleInput,
    output: articleResolution,
    access: 'any',
  }),
  'laws.cite': op({
    description: '案件引用的条文逐条对应已载入的文本（未载入的标明“条文未载入”）',
    input: lawCiteInput,
    output: z.array(articleResolution),
    access: 'any',
  }),
  'laws.search': op({
    description: '全文检索法律条文（中文任意词）',
    input: lawSearchInput,
    output: lawSearchOutput,
    access: 'any',
  }),
  'legalBasis.resolve': op({
    description: '法律适用：按违法行为发生之日确定适用的法律，比较新旧规定的轻重（从旧兼从轻）',
    input: legalBasisInput,
    output: legalBasis,
    access: 'any',
  }),
  'laws.applicable': op({
    description: '从旧兼从轻：比较违法行为发生时与作出决定时的规定，确定适用的条文（处罚法第三十七条）',
    input: lawApplicableInput,
    output: lawApplicableOutput,
    access: 'any',
  }),

  // Discretion benchmark and recommendations: the benchmark as data, its import, the calculator, suggestions.
  'discretion.list': op({
    description: '裁量基准：违法行为类型及其法律依据、法定幅度、裁量因子、等级、权重和所需证据（默认在用版本）',
    input: discretionListInput,
    output: discretionBenchmark,
    access: 'any',
  }),
  'discretion.versions': op({
    description: '已载入的裁量基准版本（最新载入的在用）',
    input: empty,
    output: z.array(benchmarkVersionInfo),
    access: 'any',
  }),
  'discretion.calculate': op({
    description: '裁量计算：按所选裁量因子等级计算罚款金额，逐步说明，不超出法定幅度',
    input: calculateInput,
    output: calculateOutput,
    access: 'any',
  }),
  'discretion.import': op({
    description: '导入裁量基准表（.xlsx，或CSV；逐行校验，有误时不导入并列出表名和行号）',
    input: discretionImportInput,
    output: jobStarted,
    access: ['reviewer', 'head', 'admin'],
    long: true,
  }),
  'discretion.export': op({
    description: '导出裁量基准表（.xlsx，格式同导入）',
    input: discretionListInput,
    output: discretionExportOutput,
    access: 'any',
    long: true,
  }),
  'recommend.violations': op({
    description: '由现场检查情况推荐违法行为类型（按命中的关键词排序）',
    input: recommendViolationsInput,
    output: recommendViolationsOutput,
    access: 'any',
  }),
  'recommend.missingEvidence': op({
    description: '所选违法行为尚缺的违法证据和裁量证据',
    input: missingEvidenceInput,
    output: missingEvidenceOutput,
    access: 'any',
  }),
  'recommend.priorViolations': op({
    description: '当事人此前受过的行政处罚中构成再次违法的（按裁量基准的期限）',
    input: priorViolationsInput,
    output: priorViolationsOutput,
    access: 'any',
  }),

  // Backups (main/core/backup/): the daily online backup, a backup now, restore, the folder.
  'backup.list': op({
    description: '备份：备份文件夹、自动备份周期和保留规则、已有的备份',
    input: empty,
    output: backupListOutput,
    access: ['head', 'admin'],
  }),
  'backup.now': op({
    description:
      '立即备份：数据库（SQLite在线备份，不停止工作）和新增的证据、文书文件（逐一核对哈希），然后按保留规则清理旧备份',
    input: empty,
    output: backupInfo,
    access: ['head', 'admin'],
    long: true,
  }),
  'backup.restore': op({
    description:
      '从备份恢复：先校验备份（数据库完整性检查、文件哈希），把当前数据另存为安全备份，再替换数据库、本局数据文件和缺失或损坏的文件，工作站重新打开数据库（所有用户须重新登录）',
    input: backupRestoreInput,
    output: backupRestoreOutput,
    access: ['head', 'admin'],
    long: true,
  }),
  // Jobs: the imports run in the background; their progress, result or error, and cancelling them (one's own jobs only).
  'jobs.get': op({
    description: '后台任务（导入）的进度（已处理/共几行）、结果或失败原因',
    input: jobRef,
    output: jobView,
    access: 'any',
  }),
  'jobs.cancel': op({
    description: '取消后台任务：已写入的数据撤销，恢复到任务开始前',
    input: jobRef,
    output: jobView,
    access: 'any',
  }),
  'jobs.list': op({
    description: '本人的后台任务（进行中的和最近完成的）',
    input: empty,
    output: z.array(jobView),
    access: 'any',
  }),
  'backup.setFolder': op({
    description: '设置备份文件夹（本机的完整路径，如第二块硬盘或网络共享）；null 则用数据目录下的 backups',
    input: backupSetFolderInput,
    output: backupListOutput,
    access: ['head', 'admin'],
  }),
  'security.encryptionStatus': op({
    description: '数据库加密状态：是否已加密、加密方式、密钥保管位置（不含密钥）、仍为明文的旧备份数',
    input: empty,
    output: encryptionStatus,
    access: ['admin'],
  }),
  'security.enableEncryption': op({
    description:
      '启用数据库加密（SQLCipher 4，密钥由操作系统钥匙串或密钥文件保管）：关闭数据库、就地加密后重新打开；不可撤销；证据照片和文书文件不加密',
    input: empty,
    output: encryptionStatus,
    access: ['admin'],
    long: true,
  }),
  // Sync with the provincial server. Enrolment is the 系统管理员's: it binds this workstation to a bureau
  // and brings the bureau's accounts (with their password hashes) into it — account administration,
  // which 三员分立 gives to the administrator alone, not to a case role such as the head.
  'sync.status': op({
    description: '同步状态：是否已登记、服务器、上次成功同步时间、待上传条数、冲突数、错误原因、是否正在同步',
    input: empty,
    output: syncStatus,
    access: 'any',
  }),
  'sync.enrol': op({
    description:
      '在省级服务器登记本工作站：填写服务器地址和注册码（一次性），换取本工作站的凭据（保存在本机，不再显示）',
    input: syncEnrolInput,
    output: syncStatus,
    access: ['admin'],
  }),
  'sync.now': op({
    description: '立即同步：在后台上传本机的案件记录、下载本单位的案件和省里发布的基础数据，不影响其他操作',
    input: empty,
    output: syncNowOutput,
    access: 'any',
  }),
  'sync.conflicts': op({
    description: '同步冲突：其他工作站先办理后本机不能再执行的操作，或服务器拒收的操作（保留所填内容）',
    input: empty,
    output: z.array(syncConflict),
    access: ['officer', 'reviewer', 'head'],
  }),
  'sync.discardConflict': op({
    description:
      '丢弃一项同步冲突中本人的操作（须确认）：该操作表单的草稿一并删除；冲突记录及所填内容仍保留备查，不会被删除',
    input: syncDiscardConflictInput,
    output: z.object({ discarded: z.literal(true) }),
    access: ['officer', 'reviewer', 'head'],
  }),
  // Drafts: what a user typed into a form and has not submitted; only ever his own.
  'drafts.save': op({
    description: '保存表单草稿（本人的，按案件和表单各一份，覆盖上一次保存）',
    input: draftSaveInput,
    output: z.object({ savedAt: z.string() }),
    access: 'any',
  }),
  'drafts.get': op({
    description: '本人某一表单的草稿（没有则为空）',
    input: draftRef,
    output: draftView.nullable(),
    access: 'any',
  }),
  'drafts.list': op({
    description: '本人未提交的草稿（案件编号、表单、保存时间）',
    input: empty,
    output: z.array(draftSummary),
    access: 'any',
  }),
  'drafts.discard': op({
    description: '丢弃本人某一表单的草稿',
    input: draftRef,
    output: z.object({ discarded: z.boolean() }),
    access: 'any',
  }),
  // 现场检查任务: an officer sees those he was drawn for, a head or reviewer the bureau's.
  'fieldTasks.list': op({
    description: '现场检查任务（双随机）：省、市下达并经同步收到的检查任务，办案人员看到抽中本人的',
    input: empty,
    output: z.array(fieldAssignment),
    access: ['officer', 'reviewer', 'head'],
  }),
  'fieldTasks.record': op({
    description: '记录现场检查：检查日期、检查情况、结果（未发现问题／发现问题），下次同步时上报',
    input: recordInspectionInput,
    output: fieldAssignment,
    access: ['officer', 'head'],
  }),
  'fieldTasks.openCase': op({
    description: '据现场检查立案：当事人为被检查企业，案件记住其检查任务',
    input: openFromInspectionInput,
    output: caseView,
    access: ['officer', 'head'],
  }),
  'fieldTasks.forCase': op({
    description: '案件来自的现场检查任务（据现场检查立案的案件），没有则为空',
    input: caseRef,
    output: fieldAssignment.nullable(),
    access: ['officer', 'reviewer', 'head'],
  }),
  'notices.list': op({
    description: '通知公告：省厅、市（州）局发布并经同步收到的通知和文件（断网也可阅读），最新在前',
    input: empty,
    output: z.array(noticeView),
    access: 'any',
  }),
  'notices.read': op({
    description: '阅读一条通知公告：记下本人的阅读时间（只记第一次），下次同步时上报发布单位',
    input: noticeRef,
    output: noticeView,
    access: 'any',
  }),
  'notices.unread': op({
    description: '本人未读的通知公告条数',
    input: empty,
    output: noticeUnread,
    access: 'any',
  }),
} as const;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpInput<N extends OpName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OpName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OpName> = z.output<Operations[N]['output']>;

export const opNames = Object.keys(operations) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.hasOwn(operations, name);
}
