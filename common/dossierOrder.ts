/**
 * The order of the dossier's items, and what a reviewer may change in it. Pure, and shared by the
 * core (which checks and applies a saved arrangement) and the 卷宗 panel (which offers only the moves
 * the core would accept).
 *
 * The rules (the standard order the core computes from the manifest, main/core/dossier/plan.ts):
 * - Each item's volume (正卷/副卷) is the manifest's; an arrangement never moves an item to the other volume.
 * - Each manifest entry names its group (`group`, common/dossierGroups.ts gives them in order: 决定书,
 *   立案, 调查取证, 责令改正、告知和听证, 查封扣押, 执行, 结案和销案, 移送, 送达回证 of a document not on
 *   file, 副卷). A document is in the group of its type, a 送达回证 in that of the document it proves;
 *   evidence in the group of the 现场检查笔录 (执行凭证: that of the 强制执行申请书).
 * - Groups stay in the standard order; within its group an item may take any place. So evidence and
 *   records may be put in the order they were taken, but no record goes before the 立案审批表, and
 *   the 决定书 stay first.
 * - A 送达回证 that the rules put right after the document it proves stays right after it (after that
 *   document's other receipts): it moves with its document, never alone.
 * - Only a draft (a current document not yet 定稿) may be left out of the file; a finalised document and
 *   evidence are always bound. (Superseded versions are never bound at all.) A receipt cannot stay in
 *   the file when the document it proves is left out.
 * - A saved arrangement outlives later changes to the case: items still there keep their arranged
 *   places, new items go where the rules put them, and a document finalised since it was left out is bound.
 * The 案卷评查表 is not arranged: it is always filed last in the 副卷.
 */

export type DossierVolumeName = '正卷' | '副卷';

/** One item of the file as the rules place it. */
export interface OrderItem {
  /** `doc:<slot>` (the document of that slot, whatever its version) or `evidence:<id>`. */
  id: string;
  title: string;
  volume: DossierVolumeName;
  /** The group: the lowest manifest order of its types, so groups compare as the rules order them. */
  band: number;
  /** The group's name, e.g. 现场检查(勘察)笔录至行政处罚案件调查报告. */
  bandLabel: string;
  /** A document not yet 定稿: it may be left out. */
  draft: boolean;
  /** A 送达回证 kept right after the document it proves: that document's id. */
  follows?: string;
}

/** A reviewer's arrangement: every item of each volume in order (left-out ones too), and those left out. */
export interface Arrangement {
  volumes: Array<{ volume: DossierVolumeName; items: string[] }>;
  excluded: string[];
}

const quoted = (i: OrderItem): string => `“${i.title}”`;

/** Whether `i` is a receipt attached to a document present in `list`. */
function attached(i: OrderItem, ids: Set<string>): i is OrderItem & { follows: string } {
  return i.follows !== undefined && ids.has(i.follows);
}

/** The items in the order the arrangement gives (rules order without one), and which are left out. */
export function applyArrangement<T extends OrderItem>(
  plan: readonly T[],
  arrangement: Arrangement | null | undefined,
): { items: T[]; excluded: Set<string> } {
  if (!arrangement) return { items: [...plan], excluded: new Set() };
  const out: T[] = [];
  for (const volume of ['正卷', '副卷'] as const) {
    const inVolume = plan.filter((i) => i.volume === volume);
    const ids = new Set(inVolume.map((i) => i.id));
    const saved = arrangement.volumes.find((v) => v.volume === volume)?.items ?? [];
    const heads = inVolume.filter((i) => !attached(i, ids));
    const headIds = new Set(heads.map((i) => i.id));
    const known = new Set(saved.filter((id) => headIds.has(id)));
    // Per group, the places the rules give the known items are filled with them in the arranged order;
    // a new item keeps its own place.
    const queues = new Map<number, string[]>();
    for (const id of saved) {
      const h = heads.find((x) => x.id === id);
      if (h && known.has(id)) queues.set(h.band, [...(queues.get(h.band) ?? []), id]);
    }
    const byId = new Map(inVolume.map((i) => [i.id, i]));
    for (const h of heads) {
      const next = known.has(h.id) ? byId.get(queues.get(h.band)!.shift()!)! : h;
      out.push(next, ...inVolume.filter((r) => r.follows === next.id && attached(r, ids)));
    }
  }
  // A finalised document is bound whatever the arrangement said when it was a draft.
  const excluded = new Set(plan.filter((i) => i.draft && arrangement.excluded.includes(i.id)).map((i) => i.id));
  return { items: out, excluded };
}

/** Why the arrangement breaks the rules (Chinese, naming the items), or null when it keeps them. */
export function arrangementRefusal(plan: readonly OrderItem[], arrangement: Arrangement): string | null {
  const byId = new Map(plan.map((i) => [i.id, i]));
  const excluded = new Set(arrangement.excluded);
  for (const id of excluded) {
    const i = byId.get(id);
    if (!i) return '不入卷的材料不在本案卷宗中（案件可能已有变更），请刷新后重新排列';
    if (!i.draft) return `${quoted(i)}已定稿（或为证据），必须入卷；只有未定稿的文书可以不入卷`;
  }
  for (const volume of ['正卷', '副卷'] as const) {
    const expected = plan.filter((i) => i.volume === volume);
    const entries = arrangement.volumes.filter((v) => v.volume === volume);
    if (entries.length > 1) return `排列中${volume}出现了两次`;
    const given = entries[0]?.items ?? [];
    if (expected.length === 0 && given.length === 0) continue;
    const seen = new Set<string>();
    for (const id of given) {
      const i = byId.get(id);
      if (!i) return `${volume}的排列中有本案卷宗没有的材料（案件可能已有变更），请刷新后重新排列`;
      if (i.volume !== volume) return `${quoted(i)}按规定归入${i.volume}，不能排入${volume}`;
      if (seen.has(id)) return `${quoted(i)}在排列中出现了两次`;
      seen.add(id);
    }
    const missing = expected.find((i) => !seen.has(i.id));
    if (missing) return `排列中缺少${quoted(missing)}（案件可能已有变更），请刷新后重新排列`;
    const refusal = orderRefusal(
      given.map((id) => byId.get(id)!),
      excluded,
    );
    if (refusal) return refusal;
  }
  return null;
}

/** The group and receipt rules over one volume's list. */
function orderRefusal(list: readonly OrderItem[], excluded: ReadonlySet<string>): string | null {
  const ids = new Set(list.map((i) => i.id));
  let highest: OrderItem | null = null;
  for (const [n, i] of list.entries()) {
    if (highest && i.band < highest.band)
      return `${quoted(i)}不能排在${quoted(highest)}之后：按文书清单的排列规则，“${i.bandLabel}”一组在前，只能在本组内调整顺序`;
    if (!highest || i.band > highest.band) highest = i;
    if (attached(i, ids)) {
      const before = list[n - 1];
      if (!before || (before.id !== i.follows && before.follows !== i.follows)) {
        const doc = list.find((x) => x.id === i.follows)!;
        return `${quoted(i)}应紧随其证明送达的${quoted(doc)}，不能单独移动`;
      }
      if (excluded.has(i.follows) && !excluded.has(i.id)) {
        const doc = list.find((x) => x.id === i.follows)!;
        return `${quoted(doc)}不入卷时，其${quoted(i)}也不能入卷`;
      }
    }
  }
  return null;
}

/** Where the unit at `index` (an item and the receipts kept after it) starts and ends. */
function unitAt(list: readonly OrderItem[], index: number): { start: number; end: number } {
  const ids = new Set(list.map((i) => i.id));
  let start = index;
  const head = list[index]!;
  if (attached(head, ids)) start = list.findIndex((x) => x.id === head.follows);
  let end = start;
  const headId = list[start]!.id;
  while (end + 1 < list.length && list[end + 1]!.follows === headId) end++;
  return { start, end };
}

/** Why the item at `index` cannot move one place up (-1) or down (+1), or null when it can. */
export function moveRefusal(list: readonly OrderItem[], index: number, direction: -1 | 1): string | null {
  const item = list[index];
  if (!item) return '没有这一项';
  const ids = new Set(list.map((i) => i.id));
  if (attached(item, ids)) return '送达回证随其证明送达的文书排列，不单独移动';
  const { start, end } = unitAt(list, index);
  const neighbourIndex = direction < 0 ? start - 1 : end + 1;
  const neighbour = list[neighbourIndex];
  if (!neighbour) return direction < 0 ? '已在本卷最前' : '已在本卷最后';
  const other = list[unitAt(list, neighbourIndex).start]!;
  if (other.band !== item.band)
    return direction < 0
      ? `已在“${item.bandLabel}”一组最前：按文书清单的排列规则，只能在本组内调整顺序`
      : `已在“${item.bandLabel}”一组最后：按文书清单的排列规则，只能在本组内调整顺序`;
  return null;
}

/** The list with the item at `index` (with its receipts) moved past its neighbour; unchanged when refused. */
export function moveItem<T extends OrderItem>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  if (moveRefusal(list, index, direction)) return [...list];
  const mine = unitAt(list, index);
  const theirs = unitAt(list, direction < 0 ? mine.start - 1 : mine.end + 1);
  const [first, second] = direction < 0 ? [mine, theirs] : [theirs, mine];
  const from = Math.min(mine.start, theirs.start);
  const to = Math.max(mine.end, theirs.end);
  return [
    ...list.slice(0, from),
    ...list.slice(first.start, first.end + 1),
    ...list.slice(second.start, second.end + 1),
    ...list.slice(to + 1),
  ];
}

/** Why the item cannot be left out of the file, or null when it can (a draft). */
export function excludeRefusal(item: OrderItem): string | null {
  return item.draft ? null : item.id.startsWith('evidence:') ? '证据必须入卷' : '已定稿的文书必须入卷';
}
