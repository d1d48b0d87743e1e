import type { DocumentRecord } from '#common/schemas/cases';

/** 《行政处罚决定书》 黔东南环天罚字〔2026〕1号（第2版） */
export function titleOf(d: DocumentRecord): string {
  return `${d.name}${d.number ? ` ${d.number}` : ''}${d.version > 1 ? `（第${d.version}版）` : ''}`;
}
