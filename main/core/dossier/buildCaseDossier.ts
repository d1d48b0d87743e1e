/**
 * Binds a case's file: picks the documents and evidence that belong in it, orders them as the
 * manifest says (plan.ts), or as a reviewer arranged them within its rules (common/dossierOrder.ts),
 * converts each to PDF and hands them to the assembler —
 * once for the 正卷 and, when the case has any document the manifest files in the 副卷, once more
 * for the 副卷, each volume with its own cover, 卷内目录, numbering from 1 and 备考表.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { applyArrangement, type Arrangement } from '#common/dossierOrder.js';
import { chinaDate } from '../domain/dates.js';
import { assembleDossier, type AssembleOptions, type AssembledDossier, type DossierItem } from './assemble.js';
import { crossReference, type Volume } from './volumes.js';
import { dossierPlan, type PlanDeps } from './plan.js';

export { currentDocuments } from './plan.js';

export interface DossierDeps extends PlanDeps {
  /** The reviewer's arrangement (within the rules; drafts left out); absent: the rules' order. */
  arrangement?: Arrangement | null;
  /** 保管期限 printed on the covers (永久, 30年 or 10年, chosen when binding for 归档); '' leaves it to be filled in. */
  retention?: string;
  /**
   * The case's event log at binding: printed in the 正卷's 备考表 so the paper file anchors
   * the hash chain outside the PC (someone with the database could otherwise recompute it).
   */
  chainHead?: ChainHead;
  /** Sheets the bureau files last in the 副卷 (the 案卷评查表 of the last review). */
  sideSheets?: DossierItem[];
  /** Writes each finished volume (the bureau's signature); absent: saved unsigned. */
  save?: AssembleOptions['save'];
}

/** The last event's hash, how many events, and whether the chain checked out when bound. */
export interface ChainHead {
  hash: string;
  count: number;
  brokenAt: number | null;
}

/** “3f2a 9c01 7b4e d2a8”: the first 16 hex digits of the head, in groups of four, to compare by eye. */
export function groupedHead(hash: string): string {
  return (hash.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

export function chainAnchorRemark(h: ChainHead): string {
  const check =
    h.brokenAt === null ? '立卷时哈希链校验完整' : `立卷时哈希链校验未通过（自第${h.brokenAt}条记录起），请核查`;
  return `电子记录锚定：本案至立卷时共有操作记录${h.count}条，末条记录哈希（SHA-256前16位）为 ${groupedHead(h.hash)}，${check}。可与系统“案件全过程记录”核对。`;
}

/** One bound volume: its PDF, page count (cover and catalog included) and 卷内目录. */
export interface BuiltVolume extends AssembledDossier {
  volume: Volume;
}

interface Entry {
  volume: Volume;
  item: () => Promise<DossierItem>;
}

/** The volumes of the case file: the 正卷 first, then the 副卷 if the case has anything to put in it. */
export async function buildCaseDossier(
  state: CaseState,
  deps: DossierDeps,
  today: string,
  builtBy: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BuiltVolume[]> {
  // The rules' order, or the reviewer's arrangement within them (drafts he left out are not bound).
  const arranged = applyArrangement(dossierPlan(state, deps), deps.arrangement);
  const entries: Entry[] = arranged.items.filter((e) => !arranged.excluded.has(e.id));
  (deps.sideSheets ?? []).forEach((item) => {
    entries.push({ volume: '副卷', item: async () => item });
  });

  const main = entries.filter((e) => e.volume === '正卷');
  const side = entries.filter((e) => e.volume === '副卷');
  const plan: Array<[Volume, Entry[]]> =
    side.length > 0
      ? [
          ['正卷', main],
          ['副卷', side],
        ]
      : [['正卷', main]];
  // Progress: one step per item converted, then the assembler's steps (items + 2) for each volume.
  const total = entries.length + plan.reduce((n, [, es]) => n + es.length + 2, 0);
  let done = 0;
  const loaded = new Map<Entry, DossierItem>();
  // Two items are prepared at a time: a photo's print copy is decoded on one core while the next is
  // read, and no more than two originals are ever held.
  const queue = plan.flatMap(([, es]) => es);
  let taken = 0;
  const worker = async (): Promise<void> => {
    while (taken < queue.length) {
      const e = queue[taken++] as Entry;
      loaded.set(e, await e.item());
      onProgress?.(++done, total);
    }
  };
  await Promise.all([worker(), worker()]);

  const caseRemarks = [
    ...state.approvals.filter((a) => a.comment).map((a) => `${chinaDate(new Date(a.at))} ${a.byName}：${a.comment}`),
    // A head's decision to proceed past a failed legality-review rule must be visible to anyone reading the file.
    ...state.overrides.map(
      (o) => `${o.on} ${o.byName}：合法性审查“${o.ruleName}”未通过，决定继续办理。理由：${o.reason}`,
    ),
    ...state.tracks.map((t) => `${t.name}：${t.startedOn}启动${t.endedOn ? `，${t.endedOn}办结` : '，尚未办结'}`),
  ];
  const counts = { main: main.length, side: side.length };
  const volumes: BuiltVolume[] = [];
  for (const [volume, es] of plan) {
    const remarks =
      volume === '正卷'
        ? [
            ...caseRemarks,
            ...(side.length > 0 ? [crossReference('正卷', counts)] : []),
            ...(deps.chainHead ? [chainAnchorRemark(deps.chainHead)] : []),
          ]
        : [crossReference('副卷', counts)];
    const base = done;
    const built = await assembleDossier(
      {
        bureauName: deps.bureauName,
        caseNumber: state.number,
        caseTitle: `${state.party.name}${state.violation.name}案`,
        partyName: state.party.name,
        filedOn: state.filedOn,
        closedOn: state.closedOn,
        volume,
        retention: deps.retention ?? '',
        items: es.map((e) => loaded.get(e) as DossierItem),
        remarks,
        preparedBy: builtBy,
        checkedBy: '',
        builtOn: today,
      },
      { onProgress: (d) => onProgress?.(base + d, total), ...(deps.save ? { save: deps.save } : {}) },
    );
    done = base + es.length + 2;
    volumes.push({ volume, ...built });
  }
  return volumes;
}
