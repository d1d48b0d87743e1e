/**
 * The provincial server's error codes, shared with the workstation's sync client (which matches on
 * the code and shows the message). Every reply that is not a success is `{ error: { code, message,
 * details? } }` with a Chinese message: never a stack, a SQL text or a server path.
 */
export const syncErrorCodes = {
  VALIDATION: '请求内容不符合要求',
  REQUEST_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请求须为 JSON（application/json）',
  NOT_FOUND: '找不到所请求的地址或记录',
  NOT_AUTHENTICATED: '请先登录',
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定，请稍后再试',
  SESSION_ENDED: '登录已失效，请重新登录',
  FORBIDDEN_ROLE: '当前用户无权执行此操作',
  FORBIDDEN_BUREAU: '无权管理其他单位（只能管理本单位及下级单位）',
  DEVICE_UNKNOWN: '本工作站尚未登记或凭据无效，请向管理员申请登记码重新登记',
  DEVICE_REVOKED: '本工作站的登记已被管理员撤销，不能再同步；如需继续使用，请向管理员申请新的登记码',
  ENROLMENT_CODE_INVALID: '登记码无效，请核对后重新输入',
  ENROLMENT_CODE_USED: '登记码已经使用过，每个登记码只能使用一次，请向管理员申请新的登记码',
  ENROLMENT_CODE_EXPIRED: '登记码已过期，请向管理员申请新的登记码',
  FORBIDDEN_CASE: '该案件属于其他单位，本工作站无权提交或查看',
  MUTATION_GAP: '提交序号不连续：服务器尚未收到前面的提交，请从未确认的第一项起按顺序重新提交',
  EVENT_INVALID: '案件事件不完整或不能应用到案件',
  HASH_MISMATCH: '案件事件的哈希值校验失败，数据可能被篡改',
  HASH_CHAIN: '案件事件的哈希链断裂，数据可能被篡改',
  EVENT_ID_REUSED: '事件编号已被另一条内容不同的事件使用',
  CLOCK_DRIFT: '本机时钟与服务器时间相差过大，请校准电脑时间后再同步',
  PROCEDURE_VIOLATION: '提交的操作不符合法定程序',
  DUPLICATE_NUMBER: '案号已被本单位的其他案件使用',
  NUMBER_NOT_RESERVED: '案号或文号不在服务器为本工作站预留的号段内',
  FILE_HASH_MISMATCH: '文件内容与其哈希值不符，服务器拒收，请重新上传',
  REFERENCE_INVALID: '参考数据内容不符合要求',
  TASK_INVALID: '现场检查任务不符合要求，未创建',
  DUPLICATE_TASK: '该现场检查任务已经提交过，未重复创建',
  DATABASE_UNAVAILABLE: '服务器数据库暂时不可用，请稍后重试',
  INTERNAL: '服务器内部错误，请稍后重试或联系管理员',
} as const;

export type SyncErrorCode = keyof typeof syncErrorCodes;

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string; details?: unknown };
}
