/** The dossier's order as the 卷宗 panel shows it, and a reviewer's arrangement of it (rules: common/dossierOrder.ts). */
import { z } from 'zod';
import { key } from './primitives.js';

const itemId = key(300, '卷内材料标识').min(1, '缺少卷内材料标识');
const volumeName = z.enum(['正卷', '副卷']);

/** Every item of each volume in order (left-out ones too), and the drafts left out. */
export const dossierArrangement = z.object({
  volumes: z
    .array(z.object({ volume: volumeName, items: z.array(itemId).max(5000, '卷内材料过多') }))
    .max(2, '案卷只有正卷、副卷两卷'),
  excluded: z.array(itemId).max(5000, '卷内材料过多'),
});

export const dossierArrangeInput = dossierArrangement.extend({
  caseId: key(64, '案件标识'),
  /** The case version the arrangement was made on: refused when the case has changed since. */
  expectedVersion: z.number().int().optional(),
});

export const dossierOrderItem = z.object({
  id: z.string(),
  title: z.string(),
  volume: volumeName,
  band: z.number(),
  bandLabel: z.string(),
  draft: z.boolean(),
  follows: z.string().optional(),
  /** Left out of the file by the saved arrangement. */
  excluded: z.boolean(),
});

export const dossierOrderView = z.object({
  /** Both volumes' items in the order the next 组卷 binds them (正卷 first). */
  items: z.array(dossierOrderItem),
  /** The saved arrangement's author and time; null: the rules' order. */
  arranged: z.object({ at: z.string(), byName: z.string() }).nullable(),
  version: z.number().int(),
});
export type DossierOrderView = z.infer<typeof dossierOrderView>;
