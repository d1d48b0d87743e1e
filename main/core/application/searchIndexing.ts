/**
 * What the search index holds of a case (store/searchIndex.ts), written with its projection in the
 * same transaction (CaseProjection `alsoOnSave`, registered in core.ts): the case (number,
 * violation, summary, facts), its party (name, USCC, representative, address), the text of each
 * document's current version (a superseded version is removed), each evidence caption, and each
 * page an OCR engine read (ocr_pages, filled by application/ocrScans.ts).
 *
 * Derived data: rebuildable from the projections (themselves rebuilt from the log) and the blobs.
 * A database from before the index, or from before a change of what it holds, is filled by a
 * background job at start (`startSearchIndexing`, `searchIndexVersion` in meta); a case whose
 * document file is not on this PC yet (a pulled case before its files) gets the text at its next
 * save or at the next rebuild.
 */
import { createHash } from 'node:crypto';
import type { CaseState } from '#common/schemas/cases.js';
import { documentSlot } from '#core/documents/names.js';
import { docxText } from '#core/documents/render.js';
import { noJob, type JobControl } from '#core/jobs/jobRunner.js';
import type { Services } from '#core/services.js';
import type { Db } from '#core/store/db.js';
import { metaValue, setMetaValue } from '#core/store/meta.js';
import { SearchIndex, type SearchCaseRow, type WantedSource } from '#core/store/searchIndex.js';

/** Raise when what a case's rows hold changes: the start job indexes every case again. */
export const searchIndexVersion = '1';

const indexes = new WeakMap<Db, SearchIndex>();
export function searchIndexOf(db: Db): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

const hashOf = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');
const lines = (...parts: Array<string | null | undefined>): string => parts.filter((p) => p?.trim()).join('\n');

export function caseSearchRow(s: CaseState): SearchCaseRow {
  return {
    caseId: s.id,
    bureauId: s.bureauId,
    officerIds: `,${s.officers.map((o) => o.id).join(',')},`,
    closed: s.closedOn !== null,
    year: Number(s.filedOn.slice(0, 4)) || 0,
    violationId: s.violation.id,
    violationName: s.violation.name,
    partyName: s.party.name,
    number: s.number,
    filedOn: s.filedOn,
  };
}

/** The rows a case should have; each built only when new or changed. */
export function searchSources(services: Pick<Services, 'db' | 'blobs'>, s: CaseState): WantedSource[] {
  const caseText = lines(s.number, s.violation.name, s.summary, s.report?.facts);
  const partyText = lines(s.party.name, s.party.uscc, s.party.legalRepresentative, s.party.address);
  const wanted: WantedSource[] = [
    {
      key: 'case',
      hash: hashOf(caseText),
      build: () => ({ kind: 'case', ref: null, title: '案件', page: null, text: caseText }),
    },
    {
      key: 'party',
      hash: hashOf(partyText),
      build: () => ({ kind: 'party', ref: null, title: '当事人', page: null, text: partyText }),
    },
  ];
  // The newest version of each document only: an older one is superseded (and removed if indexed).
  const newest = new Map<string, CaseState['documents'][number]>();
  for (const d of s.documents) newest.set(documentSlot(d), d);
  for (const d of newest.values()) {
    wanted.push({
      key: `doc:${d.id}`,
      hash: d.docxHash,
      build: () => {
        const text = documentText(services, d.docxHash);
        return text === null ? null : { kind: 'document', ref: d.id, title: d.name, page: null, text };
      },
    });
  }
  for (const e of s.evidence) {
    const caption = lines(e.description, e.fileName);
    wanted.push({
      key: `evidence:${e.id}`,
      hash: hashOf(caption),
      build: () => ({ kind: 'evidence', ref: e.id, title: e.fileName, page: null, text: caption }),
    });
  }
  const byFile = new Map(s.evidence.map((e) => [e.hash, e]));
  for (const p of searchIndexOf(services.db).ocrPages([...byFile.keys()])) {
    const e = byFile.get(p.fileHash)!;
    wanted.push({
      key: `ocr:${e.id}:${p.page}`,
      hash: hashOf(p.text),
      build: () => ({ kind: 'ocr', ref: e.id, title: e.fileName, page: p.page, text: p.text }),
    });
  }
  return wanted;
}

/** A generated document's text (paragraphs kept); null when its file is missing or unreadable. */
function documentText(services: Pick<Services, 'blobs'>, hash: string): string | null {
  // Never throws: a projection is saved with its index, and a bad file must not stop the action.
  try {
    if (!services.blobs.has(hash)) return null;
    return docxText(services.blobs.get(hash));
  } catch {
    return null;
  }
}

/** Brings one case's index rows in line with its projection (inside the projection's transaction). */
export function indexCase(services: Pick<Services, 'db' | 'blobs'>, s: CaseState): number {
  return searchIndexOf(services.db).syncCase(caseSearchRow(s), searchSources(services, s));
}

/** Every case again, in short transactions; unchanged rows are not rebuilt. Returns the cases seen. */
export async function indexAllCases(services: Services, ctl: JobControl = noJob): Promise<number> {
  const ids = services.cases.projection.ids();
  ctl.progress('建立检索索引', 0, ids.length);
  const batch = 25;
  for (let i = 0; i < ids.length; i += batch) {
    services.db.transaction(() => {
      for (const id of ids.slice(i, i + batch)) {
        const s = services.cases.projection.get(id);
        if (s) indexCase(services, s);
      }
    })();
    ctl.progress('建立检索索引', Math.min(ids.length, i + batch), ids.length);
    await ctl.breathe();
  }
  return ids.length;
}

/**
 * At start: a database whose index is older than `searchIndexVersion` (or has none) is indexed in
 * the background, between requests; searches meanwhile find the cases indexed so far.
 */
export function startSearchIndexing(services: Services): void {
  if (metaValue(services.db, 'searchIndexVersion') === searchIndexVersion) return;
  services.jobs.start({
    op: 'search.reindex',
    owner: 'system',
    exclusive: 'search-index',
    run: async (ctl) => {
      const n = await indexAllCases(services, ctl);
      setMetaValue(services.db, 'searchIndexVersion', searchIndexVersion);
      return { cases: n };
    },
  });
}
