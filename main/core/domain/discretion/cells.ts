/**
 * Reading one cell of the benchmark table: numbers (10万, 1%, 1,000), yes/no, citations
 * (《…》第X条第Y款第Z项), lists (；-separated) and the small notations of the layout —
 * 现场检查笔录[inspection-record], 暗管、私设:4, 拘留移送（拒不执行的）. Each reader returns the value or
 * a Chinese problem; none throws. Pure.
 */
import type { ArticleRef } from '#common/schemas/reference.js';
import { parseArticleCitation } from '../laws/citation.js';
import { listSeparator } from './tableLayout.js';

export type Cell<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(problem: string): Cell<T> => ({ ok: false, problem });

/** 100000, 100,000, 10万, 10万元, 1.5, 5% (percent sign allowed where `percent` is true). */
export function readNumber(text: string, label: string, opts: { percent?: boolean } = {}): Cell<number> {
  const t = text.replace(/[\s,，]/g, '').replace(/元$/, '');
  const m = /^(-?\d+(?:\.\d+)?)(万|%|％)?$/.exec(t);
  if (!m) return bad(`${label}“${text}”不是数字`);
  const n = Number(m[1]);
  if (m[2] === '万') return ok(n * 10_000);
  if (m[2] === '%' || m[2] === '％') return opts.percent ? ok(n) : bad(`${label}“${text}”不应带百分号`);
  return ok(n);
}

/** A score 0–1, written 0.6 or 60%. */
export function readScore(text: string, label: string): Cell<number> {
  const t = text.replace(/\s/g, '');
  const pct = /^(\d+(?:\.\d+)?)[%％]$/.exec(t);
  const n = pct ? Number(pct[1]) / 100 : Number(t);
  if (!t || !Number.isFinite(n)) return bad(`${label}“${text}”不是数字（应为0至1之间的小数或百分数）`);
  if (n < 0 || n > 1) return bad(`${label}“${text}”应在0至1之间（或0%至100%）`);
  return ok(n);
}

export function readYesNo(text: string, label: string, fallback: boolean): Cell<boolean> {
  const t = text.trim();
  if (!t) return ok(fallback);
  if (['是', '否'].includes(t)) return ok(t === '是');
  if (['Y', 'y', '1', 'TRUE', 'true'].includes(t)) return ok(true);
  if (['N', 'n', '0', 'FALSE', 'false'].includes(t)) return ok(false);
  return bad(`${label}应填“是”或“否”，而不是“${t}”`);
}

export function splitList(text: string): string[] {
  return text
    .split(listSeparator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits at 、，, but not inside （…）: 罚款、拘留移送（拒不执行的，移送公安机关）. */
export function splitOutsideParens(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      if (cur.trim()) parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

const citationPattern = /^《([^》]+)》\s*(第.+)$/;

/** 《中华人民共和国大气污染防治法》第九十九条第二项；《…》第十八条 */
export function readArticles(text: string, label: string): Cell<ArticleRef[]> {
  const refs: ArticleRef[] = [];
  for (const part of splitList(text)) {
    const m = citationPattern.exec(part);
    if (!m) return bad(`${label}“${part}”应写作《法律名称》第X条（可加第X款、第X项）`);
    const article = m[2]!.replace(/\s/g, '');
    if (!parseArticleCitation(article))
      return bad(
        `${label}“${part}”的条款序号“${article}”无法识别（应如第九十九条、第三十一条第一款、第九十九条第二项）`,
      );
    refs.push({ law: `《${m[1]!.trim()}》`, article });
  }
  if (!refs.length) return bad(`${label}为空`);
  return ok(refs);
}

/**
 * 现场检查笔录[inspection-record]；监测报告{monitoring-report}[sampling|sampling-record]；营业执照 —
 * a name, an optional {id} (else the name is the id) and the case records that provide it in [].
 */
export function readEvidence(text: string): Array<{ id: string; name: string; satisfiedBy: string[] }> {
  return splitList(text).map((part) => {
    const m = /^(.*?)\s*(?:[{｛]([^}｝]*)[}｝])?\s*(?:[[［]([^\]］]*)[\]］])?\s*$/.exec(part)!;
    const name = m[1]!.trim() || part.trim();
    const satisfiedBy = (m[3] ?? '')
      .split(/[|｜,，、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return { id: (m[2]?.trim() || name).slice(0, 64), name, satisfiedBy };
  });
}

/** 暗管、私设、旁路:4；废水、污水:2；超标 (weight 1 when not given). */
export function readKeywords(text: string, label: string): Cell<Array<{ words: string[]; weight: number }>> {
  const entries: Array<{ words: string[]; weight: number }> = [];
  for (const part of splitList(text)) {
    const m = /^(.*?)[:：]\s*([\d.]+)$/.exec(part);
    const weight = m ? Number(m[2]) : 1;
    if (!Number.isFinite(weight) || weight <= 0) return bad(`${label}“${part}”的权重应为正数`);
    const words = (m ? m[1]! : part)
      .split(/[、，,]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    if (!words.length) return bad(`${label}“${part}”没有关键词`);
    if (words.some((w) => w.length > 30)) return bad(`${label}“${part}”中的关键词过长（不超过30个字）`);
    entries.push({ words, weight });
  }
  return ok(entries);
}
