import { describe, expect, it } from 'vitest';
import type { DocumentRecord, EvidenceRecord } from '#common/schemas/cases.js';
import { docType } from '#common/documentTypes.js';
import { lastFileChange } from './lastFileChange.js';

const doc = (type: string, generatedAt: string, finalisedAt?: string) =>
  ({
    type,
    generatedAt,
    ...(finalisedAt ? { finalised: { at: finalisedAt } } : {}),
  }) as DocumentRecord;
const photo = (addedAt: string) => ({ addedAt }) as EvidenceRecord;

describe('when the documents or evidence last changed', () => {
  it('is the newest generation, sealing or upload; the printed dossier sheets do not count', () => {
    const documents = [doc(docType.filingApproval, '2026-03-02T01:00:00Z', '2026-03-04T01:00:00Z')];
    expect(lastFileChange({ documents, evidence: [photo('2026-03-03T01:00:00Z')] })).toBe('2026-03-04T01:00:00Z');
    expect(lastFileChange({ documents, evidence: [photo('2026-03-05T01:00:00Z')] })).toBe('2026-03-05T01:00:00Z');
    const withCover = [...documents, doc(docType.dossierCover, '2026-03-09T01:00:00Z')];
    expect(lastFileChange({ documents: withCover, evidence: [] })).toBe('2026-03-04T01:00:00Z');
    expect(lastFileChange({ documents: [], evidence: [] })).toBe('');
  });
});
