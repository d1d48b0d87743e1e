/** The 送达回证's choice of document: current versions by id, the 文号 shown where a type repeats. */
import { describe, expect, it } from 'vitest';
import type { CaseView, DocumentRecord } from '#common/schemas/cases';
import { servedDocumentChoices } from './fieldDefaults';

const doc = (id: string, type: string, number: string | null, at: string, extra: Partial<DocumentRecord> = {}) =>
  ({ id, type, number, name: '', generatedAt: at, fields: {}, ...extra }) as unknown as DocumentRecord;
const view = (documents: DocumentRecord[]) => ({ state: { documents } }) as unknown as CaseView;

describe('servedDocumentChoices', () => {
  it('offers each current document by id, newest first, with the 文号 where a type repeats', () => {
    const choices = servedDocumentChoices(
      view([
        doc('n1', 'penalty-notice', '环罚告〔2026〕1号', '2026-03-01T00:00:00Z'),
        doc('c1', 'correction-order', '环责改〔2026〕1号', '2026-03-02T00:00:00Z', { track: 'd-1', trackStep: 0 }),
        doc('c2', 'correction-order', '环责改〔2026〕2号', '2026-03-12T00:00:00Z', { track: 'd-1', trackStep: 3 }),
        doc('r1', 'service-receipt', null, '2026-03-13T00:00:00Z'),
      ]),
    );
    expect(choices).toEqual([
      { value: 'c2', label: '责令改正违法行为决定书（环责改〔2026〕2号）' },
      { value: 'c1', label: '责令改正违法行为决定书（环责改〔2026〕1号）' },
      { value: 'n1', label: '行政处罚事先告知书' },
    ]);
  });

  it('leaves out a version a newer one replaced', () => {
    const choices = servedDocumentChoices(
      view([
        doc('n1', 'penalty-notice', '环罚告〔2026〕1号', '2026-03-01T00:00:00Z'),
        doc('n2', 'penalty-notice', '环罚告〔2026〕1号', '2026-03-02T00:00:00Z'),
      ]),
    );
    expect(choices).toEqual([{ value: 'n2', label: '行政处罚事先告知书' }]);
  });
});
