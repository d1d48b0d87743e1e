/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * weights[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return alphabet[check]!;
}

export type UsccProblem = 'length' | 'charset' | 'checkDigit';

/** Returns null for a valid code, or what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'length';
  if (![...c].every((ch) => alphabet.includes(ch))) return 'charset';
  return usccCheckChar(c.slice(0, 17)) === c[17] ? null : 'checkDigit';
}

export const usccProblemMessages: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  checkDigit: '统一社会信用代码校验位不正确',
};

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
