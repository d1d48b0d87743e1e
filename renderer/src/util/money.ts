/** Yuan amounts as clerks read them: 40,000.00 元. */
const formatter = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatYuan(amount: number): string {
  return `${formatter.format(amount)} 元`;
}

/** Parses what a clerk typed ("40000", "4,0000.5") into yuan, or null when it is not a number. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
