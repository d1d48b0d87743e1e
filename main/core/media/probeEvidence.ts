/**
 * What the dossier needs to know of a recording or a video, found once when the evidence is recorded
 * so that binding a dossier never reads gigabytes: its length and, for a video, a still frame (kept in
 * the blob store). Neither can fail the upload: an unreadable length is null (“无法读取”), a frame
 * that cannot be taken is absent (“未能提取画面”).
 */
import type { EvidenceRecord } from '#common/schemas/cases.js';
import type { BlobStore } from '../store/blobStore.js';
import { mediaDuration } from './duration.js';
import { stillFrame } from './stillFrame.js';

export type MediaFacts = Pick<EvidenceRecord, 'durationSeconds' | 'stillHash'>;

export async function probeEvidence(
  blobs: Pick<BlobStore, 'localPath' | 'put'>,
  hash: string,
  kind: EvidenceRecord['kind'],
): Promise<MediaFacts> {
  if (kind !== 'audio' && kind !== 'video') return {};
  const path = blobs.localPath(hash);
  const seconds = await mediaDuration(path).catch(() => null);
  // Kept to the millisecond: the record's JSON stays short and the pages show whole seconds.
  const durationSeconds = seconds === null ? null : Math.round(seconds * 1000) / 1000;
  if (kind === 'audio') return { durationSeconds };
  const still = await stillFrame(path, durationSeconds).catch(() => null);
  return { durationSeconds, ...(still ? { stillHash: blobs.put(still, 'image/jpeg') } : {}) };
}
