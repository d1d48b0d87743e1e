/** The assembler's input and its catalog rows (the contract `assembleDossier` exposes). */

export interface DossierItem {
  number: string; // 文号, '' when the document has none
  author: string; // 责任者 (the bureau, or the party for evidence they supplied)
  title: string; // 题名, e.g. 行政处罚决定书, 现场照片：废气排放口
  date: string; // YYYY-MM-DD
  content:
    | { kind: 'pdf'; bytes: Uint8Array }
    | { kind: 'image'; bytes: Uint8Array; mimeType: string; caption: string }
    /**
     * A file that is not printed (audio, video, office file): a listing page of these label–value rows,
     * and for a video its still frame (JPEG) drawn below them.
     */
    | { kind: 'listing'; rows: Array<[string, string]>; still?: Uint8Array };
}

export interface DossierInput {
  bureauName: string;
  caseNumber: string;
  caseTitle: string;
  partyName: string;
  filedOn: string;
  closedOn: string | null;
  volume: '正卷' | '副卷';
  retention: string; // 保管期限, e.g. 长期
  items: DossierItem[]; // already in filing order
  remarks: string[]; // 备考表 lines (overrides recorded etc.); may be empty
  preparedBy: string;
  checkedBy: string;
  builtOn: string; // 立卷人, 检查人, date
}

/** One line of 卷内目录; `page` is the document's range in the dossier numbering, "3" or "3-5". */
export interface CatalogRow {
  seq: number;
  number: string;
  author: string;
  title: string;
  date: string;
  page: string;
}
