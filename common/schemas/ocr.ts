/** OCR of a scanned evidence file, as the 证据 tab shows it (application/ocrScans.ts). */
import { z } from 'zod';

export const evidenceOcr = z.object({
  evidenceId: z.string(),
  /** waiting: not read yet (the background job reads it); done: read to its end. */
  state: z.enum(['waiting', 'done']),
  pages: z.number().int(),
  /** Pages (1-based) the engine could not read: not searchable. */
  unreadablePages: z.array(z.number().int()),
  /** Why the whole file could not be read (corrupt, encrypted), in Chinese; null otherwise. */
  failure: z.string().nullable(),
});
export type EvidenceOcr = z.infer<typeof evidenceOcr>;
