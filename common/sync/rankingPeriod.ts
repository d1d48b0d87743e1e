/**
 * The period 绩效排行 counts (cases decided or closed in it), from the page's choice: every case, a year,
 * a quarter, a month or two days typed. Pure: the page gives today's date.
 */
export type PeriodChoice =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'custom'; from: string; to: string };

export type Period = { from: string; to: string } | null;

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (1–12): day 0 of the next one. */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthRange = (year: number, first: number, last: number): Period => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** The period of a choice, or a Chinese message saying what is wrong with it. */
export function periodOf(c: PeriodChoice): { period: Period } | { error: string } {
  switch (c.kind) {
    case 'all':
      return { period: null };
    case 'year':
      return { period: monthRange(c.year, 1, 12) };
    case 'quarter':
      return { period: monthRange(c.year, c.quarter * 3 - 2, c.quarter * 3) };
    case 'month':
      return { period: monthRange(c.year, c.month, c.month) };
    case 'custom':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(c.from) || !/^\d{4}-\d{2}-\d{2}$/.test(c.to))
        return { error: '请填写统计期间的开始日期和结束日期' };
      if (c.from > c.to) return { error: `开始日期（${c.from}）晚于结束日期（${c.to}）` };
      return { period: { from: c.from, to: c.to } };
  }
}

/** The query string of a period for /api/supervision/ranking ('' for every case). */
export function periodQuery(p: Period): string {
  return p ? `&from=${p.from}&to=${p.to}` : '';
}

/** The choice the page opens with: this year (today as YYYY-MM-DD). */
export function thisYear(today: string): PeriodChoice {
  return { kind: 'year', year: Number(today.slice(0, 4)) };
}

/** How the page names the period counted. */
export function periodText(p: Period): string {
  return p ? `${p.from} 至 ${p.to} 作出决定或结案的案件` : '全部案件';
}
