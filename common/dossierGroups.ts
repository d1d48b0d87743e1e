/**
 * The groups of the dossier's order (2010 rule), in the order they are filed. Each manifest entry
 * names its group (templates/manifest.json `group`) and a reviewer may reorder items only within one
 * (common/dossierOrder.ts). Named rather than read from gaps in the `order` numbers, so a template
 * numbered into a gap cannot silently merge two groups.
 */
export const dossierGroups = [
  '封面和目录',
  '决定书',
  '立案',
  '调查取证',
  '责令改正、告知和听证',
  '查封扣押',
  '执行',
  '结案和销案',
  '移送',
  '送达回证',
  '副卷',
  '备考表',
] as const;

export type DossierGroup = (typeof dossierGroups)[number];
