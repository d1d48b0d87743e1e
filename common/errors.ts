/**
 * Errors are values: a stable machine-readable code and a Chinese message for the user.
 * The code never changes once published (scripts of provincial IT match on it); the message may.
 */
export const errorCodes = {
  VALIDATION: '输入不符合要求',
  NOT_AUTHENTICATED: '请先登录',
  BAD_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN_ROLE: '当前用户无权执行此操作',
  NOT_FOUND: '找不到所请求的记录',
  UNKNOWN_OPERATION: '未知的操作',
  INVALID_USCC: '统一社会信用代码无效',
  OFFICERS_REQUIRED: '至少需要两名持有有效执法证件的执法人员',
  DATE_BEFORE_FILING: '日期不能早于立案日期',
  DATE_IN_FUTURE: '日期不能晚于今天',
  ACTION_NOT_ALLOWED: '当前程序阶段不允许此操作',
  GUARD_FAILED: '不满足法定条件，操作被阻止',
  APPROVAL_REQUIRED: '文书须经负责人批准后方可定稿', // 定稿 only after the approval the procedure requires
  STALE_VERSION: '案件已被他人修改，请刷新后重试',
  TEMPLATE_MISSING: '文书模板缺失',
  TEMPLATE_INVALID: '文书模板已损坏或格式错误',
  FIELDS_REQUIRED: '生成文书前需要补充信息',
  NOT_AN_IMAGE: '上传的文件不是有效的图片',
  FILE_TOO_LARGE: '文件过大',
  BUSY: '数据库正忙，操作未保存，请稍后重试',
  DISK_FULL: '磁盘空间不足，操作未保存，请清理磁盘后重试',
  PDF_ENGINE_UNAVAILABLE: '没有可用的PDF转换引擎',
  PDF_CONVERSION_FAILED: '文书转换为PDF失败',
  INTEGRITY: '数据完整性校验失败',
  PACKAGE_INVALID: '电子档案包校验未通过，未导入', // 电子档案包: details.report names each item
  // Law library
  LAW_FORMAT: '法律法规文本格式不正确',
  DOCUMENT_FINALISED: '文书已定稿盖章，不能修改，只能更正',
  LIMITATION_EXPIRED: '违法行为已超过追责期限，依法不再给予行政处罚',
  JURISDICTION_REASON_REQUIRED: '当事人登记在其他区县，须记录本局管辖的理由',
  SETTINGS_REQUIRED: '请先在本局设置中填写文书所需的本局信息',
  CASE_ARCHIVED: '案件已归档，不能再修改；如需修改，请填写更正理由后更正',
  // Accounts: first-run setup, password policy, lockout.
  SETUP_REQUIRED: '工作站尚未完成初始设置，请先设置本单位和系统管理员账号',
  ALREADY_SET_UP: '本工作站已完成初始设置，不能再次设置',
  WEAK_PASSWORD: '密码不符合要求',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定，请稍后再试',
  PASSWORD_CHANGE_REQUIRED: '管理员已重置您的密码，请先修改密码',
  // 用户管理: disabled accounts, the last administrator
  ACCOUNT_DISABLED: '账号已停用，请联系系统管理员',
  LAST_ADMIN: '须保留至少一名在用的系统管理员',
  // the web host's refusals, backups and a damaged database
  FORBIDDEN_ORIGIN: '不接受来自其他网站的请求',
  REQUEST_TOO_LARGE: '请求内容过大',
  DATABASE_CORRUPT: '数据库文件已损坏，工作站不能启动',
  BACKUP_INVALID: '备份不完整或已损坏，不能用于恢复',
  BACKUP_FAILED: '备份失败',
  // Encryption at rest of the case database (docs/security.md)
  DATABASE_KEY_MISSING: '数据库已加密，但找不到它的密钥，工作站不能启动',
  DATABASE_KEY_WRONG: '数据库已加密，当前密钥无法打开它，工作站不能启动',
  ENCRYPTION_UNAVAILABLE: '本机没有可用的密钥保管方式，不能启用数据库加密',
  // updates of the desktop app
  UPDATE_UNAVAILABLE: '无法检查或安装软件更新',
  // per-case access and separation of duties (docs/security.md)
  FORBIDDEN_CASE: '您不是此案件的承办人员或本局的审核人员、负责人，无权查看或办理',
  SEPARATION_OF_DUTIES: '审批人不能审批本人办理的事项，审核人员不能审核本人调查的案件',
  // Long work as jobs (common/jobs.ts): one import of a kind at a time, cancelled, past the point of cancelling.
  JOB_RUNNING: '同类任务正在进行，请等待完成或取消后再试',
  JOB_CANCELLED: '任务已取消，数据未作改动',
  JOB_NOT_CANCELLABLE: '任务已开始写入，不能取消，请稍候',
  // The sync client (main/core/sync/): the provincial server could not be reached or refused.
  SYNC_FAILED: '与省级服务器同步失败',
  NOT_ENROLLED: '本工作站尚未在省级服务器登记，请系统管理员先填写服务器地址和注册码',
  NUMBERS_EXHAUSTED: '本机预留的编号已用完，请联网同步后再办理',
  // The bureau's signing certificate (PKCS#12) for the dossier's electronic signature (签章)
  CERTIFICATE_INVALID: '证书文件无效或不受支持，未设置',
  CERTIFICATE_PASSWORD_WRONG: '证书密码错误，未设置',
  CERTIFICATE_NOT_VALID: '证书不在有效期内',
  INTERNAL: '系统内部错误',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  /** Extra facts for the user or a script: the failed rules, the field, the article. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCodes[code]);
    this.code = code;
    this.details = details;
  }
  toValue(): ErrorValue {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    'code' in v &&
    'message' in v &&
    typeof (v as { code: unknown }).code === 'string' &&
    (v as { code: string }).code in errorCodes
  );
}
