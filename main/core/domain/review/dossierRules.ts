/**
 * 归档规范: the file bound after its last change, with its 保管期限, and what its sheets print agreeing
 * with what it holds — each 卷内目录 row's 页号 against the page its document really begins and ends on
 * (the bookmarks and the numbers printed on the pages), the cover's and the 备考表's 件数 and 页数.
 */
import { lastFileChange } from '../lastFileChange.js';
import type { BoundVolumeFacts, Finding, ReviewFacts } from './facts.js';

export function dossierBound(f: ReviewFacts): Finding[] {
  const d = f.state.dossier;
  if (!d) return [{ message: '尚未组卷', page: null }];
  const changed = lastFileChange(f.state);
  return changed > d.builtAt
    ? [
        {
          message: `最后一次组卷（${d.builtAt.slice(0, 10)}）后文书或证据又有变更（${changed.slice(0, 10)}），案卷不是现状，请重新组卷`,
          page: null,
        },
      ]
    : [];
}

export function retentionChosen(f: ReviewFacts): Finding[] {
  const d = f.state.dossier;
  return d && !d.retention ? [{ message: '组卷时未确定保管期限，封面未载明', page: '卷宗封面' }] : [];
}

/** “3” or “3-5” → [3, 5]; null when it is neither. */
function range(page: string): [number, number] | null {
  const m = /^\s*(\d+)\s*(?:[-－—~至]\s*(\d+))?\s*$/.exec(page);
  if (!m) return null;
  const a = Number(m[1]);
  return [a, m[2] ? Number(m[2]) : a];
}
const rangeText = ([a, b]: [number, number]): string => (a === b ? String(a) : `${a}-${b}`);

function volumeCatalog(v: BoundVolumeFacts): Finding[] {
  const out: Finding[] = [];
  const where = (seq: number): string => `${v.volume}卷内目录第${seq}行`;
  v.starts.forEach((s, i) => {
    const row = v.catalog[i];
    if (!row) {
      out.push({ message: `${s.title}已装订，卷内目录中没有其条目`, page: s.page ? `${v.volume}第${s.page}页` : null });
      return;
    }
    const next = v.starts[i + 1]?.page ?? v.remarksStart;
    if (s.page === null || next === null) {
      out.push({ message: `${s.title}所在页未见页码，无法核对目录页号`, page: where(row.seq) });
      return;
    }
    const real: [number, number] = [s.page, next - 1];
    const printed = range(row.page);
    if (!printed || printed[0] !== real[0] || printed[1] !== real[1])
      out.push({
        message: `卷内目录第${row.seq}行（${s.title}）页号为“${row.page}”，实际为第${rangeText(real)}页`,
        page: where(row.seq),
      });
  });
  for (const row of v.catalog.slice(v.starts.length))
    out.push({ message: `卷内目录第${row.seq}行在卷内没有对应的文件`, page: where(row.seq) });
  return out;
}

export function catalogPages(f: ReviewFacts): Finding[] {
  return f.volumes.flatMap(volumeCatalog);
}

function countsFinding(
  v: BoundVolumeFacts,
  sheet: '封面' | '备考表',
  printed: { items: number; pages: number } | null,
): Finding[] {
  const page = `${v.volume}${sheet === '封面' ? '卷宗封面' : '备考表'}`;
  if (!printed) return [{ message: `${v.volume}${sheet}未载明卷内件数和页数`, page }];
  const items = v.starts.length;
  if (printed.items === items && printed.pages === v.numberedPages) return [];
  return [
    {
      message: `${v.volume}${sheet}载明“共${printed.items}件${printed.pages}页”，卷内实有${items}件${v.numberedPages}页`,
      page,
    },
  ];
}

export function coverCounts(f: ReviewFacts): Finding[] {
  return f.volumes.flatMap((v) => countsFinding(v, '封面', v.cover));
}

export function remarksCounts(f: ReviewFacts): Finding[] {
  return f.volumes.flatMap((v) => countsFinding(v, '备考表', v.remarks));
}
