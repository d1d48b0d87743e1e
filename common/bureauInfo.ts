/**
 * 本局文书信息: what the bureau's documents must tell the party and that only the bureau knows —
 * where to state a defence or ask for a hearing (告知书: address and telephone), where and how to pay
 * a fine (决定书, 处罚法 arts. 59(4), 67(3): the bank, account name and number, or the 非税收入
 * payment code), and the court for 行政诉讼 (决定书, 处罚法 art. 59(5); 行政诉讼法 arts. 14, 15, 18).
 * Kept in 本局设置; checked here (shared by the core and the settings screen). Pure.
 */

export const bureauInfoKeys = [
  'officeAddress',
  'officePhone',
  'litigationCourt',
  'paymentBank',
  'paymentAccountName',
  'paymentAccountNo',
  'nonTaxPaymentCode',
] as const;
export type BureauInfoKey = (typeof bureauInfoKeys)[number];
/** Every key present; '' = not set. */
export type BureauInfo = Record<BureauInfoKey, string>;

export const bureauInfoLabels: Record<BureauInfoKey, string> = {
  officeAddress: '本局地址（接收陈述申辩、听证申请）',
  officePhone: '本局联系电话',
  litigationCourt: '行政诉讼管辖法院',
  paymentBank: '罚款缴纳银行（开户银行）',
  paymentAccountName: '罚款缴纳账户户名',
  paymentAccountNo: '罚款缴纳账号',
  nonTaxPaymentCode: '非税收入缴款码',
};

export const emptyBureauInfo: BureauInfo = Object.fromEntries(bureauInfoKeys.map((k) => [k, ''])) as BureauInfo;

export interface BureauInfoProblem {
  path: BureauInfoKey;
  message: string;
}

const digits = (s: string): string => s.replace(/\D/g, '');

/**
 * The problems of a complete set of values (what would be stored after an update), in Chinese.
 * The court: a people's court named in full. An administrative penalty of an eco-environment bureau
 * is heard at first instance by a basic-level court (行政诉讼法 art. 14): the bureau is neither a
 * 国务院部门 nor a 县级以上地方人民政府 (art. 15(1)); it is the court where the bureau that acted
 * first is located (art. 18(1)), or one the 高级人民法院 designated to hear administrative cases across
 * areas (art. 18(2)) — which is why another county's court is accepted.
 */
export function bureauInfoProblems(v: BureauInfo): BureauInfoProblem[] {
  const out: BureauInfoProblem[] = [];
  const phone = v.officePhone.trim();
  if (phone && (!/^[\d\s()（）+\-－—、，,转]+$/u.test(phone) || digits(phone).length < 7)) {
    out.push({
      path: 'officePhone',
      message: `本局联系电话应为电话号码，如“0855-7521234”（多个号码用顿号分隔），实际填写：“${phone}”`,
    });
  }
  const court = v.litigationCourt.trim();
  if (court) {
    if (!/法院$/u.test(court) || court.replace(/人民法院$|法院$/u, '').length < 2) {
      out.push({
        path: 'litigationCourt',
        message: `行政诉讼管辖法院应填写人民法院的全称，如“天柱县人民法院”，实际填写：“${court}”（《中华人民共和国行政诉讼法》第十八条）`,
      });
    } else if (/最高人民法院|高级人民法院|中级人民法院/u.test(court)) {
      out.push({
        path: 'litigationCourt',
        message:
          `“${court}”不是基层人民法院：行政处罚案件的第一审由基层人民法院管辖（《中华人民共和国行政诉讼法》第十四条），生态环境主管部门的行政处罚不属于第十五条由中级人民法院管辖的情形；` +
          '请填写本局所在地的基层人民法院（第十八条第一款），或者经批准跨行政区域管辖行政案件的人民法院（第十八条第二款）',
      });
    }
  }
  const bank = [v.paymentBank, v.paymentAccountName, v.paymentAccountNo].map((s) => s.trim());
  if (bank.some(Boolean) && !bank.every(Boolean)) {
    const missing = (['paymentBank', 'paymentAccountName', 'paymentAccountNo'] as const).filter((_, i) => !bank[i]);
    for (const path of missing)
      out.push({ path, message: `罚款缴纳的开户银行、户名和账号应一并填写（缺${bureauInfoLabels[path]}）` });
  }
  const account = v.paymentAccountNo.trim();
  if (account && (!/^[\d\s-]+$/.test(account) || digits(account).length < 6 || digits(account).length > 34)) {
    out.push({ path: 'paymentAccountNo', message: `罚款缴纳账号应为6至34位数字（可含空格），实际填写：“${account}”` });
  }
  const code = v.nonTaxPaymentCode.trim();
  if (code && !/^[A-Za-z0-9-]{4,40}$/.test(code)) {
    out.push({ path: 'nonTaxPaymentCode', message: `非税收入缴款码应为4至40位字母或数字，实际填写：“${code}”` });
  }
  return out;
}

/** True when the party can be told where to pay: a bank account, or the 非税收入 payment code. */
export const hasPaymentRoute = (v: BureauInfo): boolean =>
  Boolean(
    (v.paymentBank.trim() && v.paymentAccountName.trim() && v.paymentAccountNo.trim()) || v.nonTaxPaymentCode.trim(),
  );

/**
 * The settings a document needs before it is generated, by the data key it prints them under:
 * officeAddress / officePhone (告知书), litigationCourt (决定书), paymentWhere (决定书 with a fine).
 */
export const documentSettingLabels: Record<string, string> = {
  officeAddress: '本局地址（接收陈述申辩、听证申请）',
  officePhone: '本局联系电话',
  litigationCourt: '行政诉讼管辖法院',
  paymentWhere: '罚款缴纳方式（开户银行、户名和账号，或者非税收入缴款码）',
};
