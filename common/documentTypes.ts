/**
 * The document types (文书类型): one constant per type of resources/documents/types.json, which
 * keeps their Chinese names, and of templates/manifest.json, which has a template for each
 * (documentTypes.test.ts fails when the three disagree). Code names a type through `docType`, so a
 * misspelt type is a compile error; procedure data names types as strings, and the loader refuses
 * one that is not here (checkDefinition).
 */
export const docType = {
  filingApproval: 'filing-approval', // 立案审批表
  withdrawalApproval: 'withdrawal-approval', // 销案审批表
  inspectionRecord: 'inspection-record', // 现场检查(勘察)笔录
  interviewRecord: 'interview-record', // 调查询问笔录
  samplingRecord: 'sampling-record', // 采样取证登记单
  photoEvidence: 'photo-evidence', // 现场照片(图片、影像资料)证据
  preservationNotice: 'preservation-notice', // 先行登记保存证据通知书
  preservationReleaseNotice: 'preservation-release-notice', // 解除先行登记保存证据通知书
  internalApproval: 'internal-approval', // 案件处理内部审批表
  correctionOrder: 'correction-order', // 责令改正违法行为决定书
  investigationReport: 'investigation-report', // 行政处罚案件调查报告
  penaltyNotice: 'penalty-notice', // 行政处罚事先告知书
  hearingNotice: 'hearing-notice', // 行政处罚听证通知书
  hearingRecord: 'hearing-record', // 听证笔录
  hearingReport: 'hearing-report', // 听证报告
  collectiveDiscussionRecord: 'collective-discussion-record', // 案件集体讨论笔录
  penaltyDecision: 'penalty-decision', // 行政处罚决定书
  serviceReceipt: 'service-receipt', // 送达回证
  deferralNotice: 'deferral-notice', // 同意分期(延期)缴纳罚款通知书
  closingApproval: 'closing-approval', // 结案审批表
  onSpotDecision: 'on-spot-decision', // 当场行政处罚决定书
  dailyPenaltyDecision: 'daily-penalty-decision', // 按日连续处罚决定书
  seizureApproval: 'seizure-approval', // 查封(扣押)审批表
  seizureDecision: 'seizure-decision', // 查封(扣押)决定书
  seizureList: 'seizure-list', // 查封、扣押清单
  seizureExtensionNotice: 'seizure-extension-notice', // 查封(扣押)延期通知书
  seizureRelease: 'seizure-release', // 解除查封(扣押)决定书
  detentionReferralApproval: 'detention-referral-approval', // 移送行政拘留案件审批表
  referralLetter: 'referral-letter', // 移送书
  referralMaterials: 'referral-materials', // 移送材料清单
  reminder: 'reminder', // 催告书
  enforcementApplication: 'enforcement-application', // 强制执行申请书
  transferLetter: 'transfer-letter', // 案件移送函
  legalReviewOpinion: 'legal-review-opinion', // 法制审核意见书
  noPenaltyDecision: 'no-penalty-decision', // 不予行政处罚决定书
  recheckOpinion: 'recheck-opinion', // 复查意见书
  restrictionDecision: 'restriction-decision', // 限制生产/停产整治决定书
  confiscationRecord: 'confiscation-record', // 罚没物品处理记录
  dossierCover: 'dossier-cover', // 卷宗封面
  dossierCatalog: 'dossier-catalog', // 卷内目录
  dossierRemarks: 'dossier-remarks', // 备考表
} as const;

export type DocumentType = (typeof docType)[keyof typeof docType];

/** Every document type, in the order of types.json. */
export const documentTypes: readonly DocumentType[] = Object.values(docType);

const known: ReadonlySet<string> = new Set(documentTypes);

/** True for a string that is a document type (data read from a file, a request, an event). */
export const isDocumentType = (value: string): value is DocumentType => known.has(value);

/** The 卷宗封面, 卷内目录 and 备考表: sheets of the dossier itself, printed at 已结案, not documents of the case. */
export const dossierSheets: readonly DocumentType[] = [
  docType.dossierCover,
  docType.dossierCatalog,
  docType.dossierRemarks,
];

const sheets: ReadonlySet<string> = new Set(dossierSheets);

/** True for the dossier's own sheets (cover, catalog, 备考表), which copy the binding and are not bound themselves. */
export const isDossierSheet = (type: string): boolean => sheets.has(type);
