/** Where a reader finds a document in the bound file: “正卷第5页”, from the bookmarks the binding left. */
import type { DocumentRecord } from '#common/schemas/cases.js';
import { latestDocuments } from './current.js';
import type { ReviewFacts } from './facts.js';

const titleOf = (d: Pick<DocumentRecord, 'name'>): string => d.name.replace(/[《》]/g, '');

/**
 * The page a document begins on. Documents of the same title (送达回证) are told apart by the order they
 * were made, which is their filing order within a type; null when the file was never bound or lacks it.
 */
export function documentPage(f: ReviewFacts, d: DocumentRecord): string | null {
  const title = titleOf(d);
  const same = latestDocuments(f.state.documents)
    .filter((x) => titleOf(x) === title)
    .sort((a, b) => a.generatedAt.localeCompare(b.generatedAt));
  const k = Math.max(
    0,
    same.findIndex((x) => x.id === d.id),
  );
  const found = f.volumes.flatMap((v) =>
    v.starts.filter((s) => s.title === title).map((s) => ({ volume: v.volume, page: s.page })),
  )[k];
  return found?.page != null ? `${found.volume}第${found.page}页` : null;
}
