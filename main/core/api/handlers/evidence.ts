import { imageSize } from 'image-size';
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import { checkEvidenceFile, evidenceKindNames, sniffBytes, type EvidenceKind } from '#common/evidenceFiles.js';
import { pendingUploads } from '#core/application/pendingUploads.js';
import type { Services } from '#core/services.js';
import { pngPixelsInflate } from '#core/documents/pngCheck.js';
import { today } from '#core/application/caseView.js';
import { checkCaseDate } from '#core/application/dateRules.js';
import { startOcr } from '#core/application/ocrScans.js';
import { probeEvidence } from '#core/media/probeEvidence.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

const maxBytes = 30 * 1024 * 1024;

/** The file's own bytes decide what it is, not its name: JPEG and PNG are what dossiers bind. */
export function sniffImage(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  let type: 'image/jpeg' | 'image/png' | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) type = 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) type = 'image/png';
  if (!type) return null;
  try {
    const size = imageSize(bytes);
    // A PNG whose pixel data does not inflate would hang pdf-lib when the dossier binds it (pngCheck.ts).
    if (type === 'image/png' && !pngPixelsInflate(bytes)) return null;
    return size.width && size.height ? type : null;
  } catch {
    return null;
  }
}

interface EvidenceFile {
  hash: string;
  mimeType: string;
  size: number;
  /** Images only (read whole for their thumbnail); absent for the rest, which are never read whole. */
  bytes?: Buffer;
}

/** A file sent in the request (≤ 30 MB, Base64): checked and stored here. */
function storeInline(services: Services, base64: string, fileName: string, kind: EvidenceKind): EvidenceFile {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', `证据文件不能超过${maxBytes / 1024 / 1024}MB`);
  // The bytes, the name's extension and the kind chosen must agree (common/evidenceFiles.ts).
  const check = checkEvidenceFile(fileName, bytes.subarray(0, sniffBytes), kind);
  if (!check.ok)
    throw new AppError(kind === 'photo' ? 'NOT_AN_IMAGE' : 'VALIDATION', check.message, [
      { path: 'file', message: check.message },
    ]);
  const image = check.format === 'jpeg' || check.format === 'png';
  const mimeType = image ? sniffImage(bytes) : check.mimeType;
  if (!mimeType) throw new AppError('NOT_AN_IMAGE', `“${fileName}”不是有效的JPEG或PNG图片`);
  return { hash: services.blobs.put(bytes, mimeType), mimeType, size: bytes.length, ...(image ? { bytes } : {}) };
}

/**
 * A file this user sent to the upload route (api/uploads.ts checked its bytes against its name and kind
 * as it arrived). Only his own upload: a hash alone would let anyone bind another case's file into his.
 */
function uploadedFile(
  services: Services,
  userId: string,
  hash: string,
  fileName: string,
  kind: EvidenceKind,
): EvidenceFile {
  const file = pendingUploads(services).get(userId, hash, services.clock.now().getTime());
  if (!file)
    throw new AppError('NOT_FOUND', '找不到您上传的这个文件（可能已上传超过一天），请重新选择文件上传', [
      { path: 'file', message: '请重新上传文件' },
    ]);
  if (file.kind !== kind || file.fileName !== fileName)
    throw new AppError(
      'VALIDATION',
      `“${file.fileName}”上传时选择的类别是${evidenceKindNames[file.kind]}，与现在的${evidenceKindNames[kind]}或文件名不同，请重新上传`,
      [{ path: 'file', message: '请重新上传文件' }],
    );
  if (file.mimeType !== 'image/jpeg' && file.mimeType !== 'image/png')
    return { hash, mimeType: file.mimeType, size: file.size };
  // Pictures are bound into the dossier: the whole image must decode (the upload checked only its first bytes).
  const bytes = services.blobs.get(hash);
  const mimeType = sniffImage(bytes);
  if (!mimeType) throw new AppError('NOT_AN_IMAGE', `“${fileName}”不是有效的JPEG或PNG图片`);
  return { hash, mimeType, size: bytes.length, bytes };
}

export const evidenceHandlers: HandlerMap<'evidence.add'> = {
  'evidence.add': async (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const file = input.uploadHash
      ? uploadedFile(services, user.id, input.uploadHash, input.fileName, input.kind)
      : storeInline(services, input.contentBase64 ?? '', input.fileName, input.kind);
    const { hash, mimeType, size, bytes } = file;
    const image = mimeType === 'image/jpeg' || mimeType === 'image/png';
    const state = services.cases.get(input.caseId);
    checkCaseDate('拍摄日期', input.takenOn, state.filedOn, today(services));
    // A recording's length and a video's still, read once now: binding the dossier reads neither file.
    const media = await probeEvidence(services.blobs, hash, input.kind);
    const record = {
      id: ulid(),
      kind: input.kind,
      fileName: input.fileName,
      mimeType,
      hash,
      size,
      description: input.description,
      takenOn: input.takenOn,
      ...(input.takenAt ? { takenAt: input.takenAt } : {}),
      ...(input.place?.trim() ? { place: input.place.trim() } : {}),
      ...(input.source?.trim() ? { source: input.source.trim() } : {}),
      ...(input.collectors?.length ? { collectors: input.collectors.map((c) => c.trim()).filter(Boolean) } : {}),
      addedAt: services.clock.now().toISOString(),
      addedBy: user.name,
      ...media,
    };
    services.cases.write(input.caseId, { id: user.id, name: user.name, device: services.device }, (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      if (current.closedOn) throw new AppError('ACTION_NOT_ALLOWED', '案件已结案，不能再添加证据');
      return [{ type: 'evidence.added', payload: record }];
    });
    if (input.uploadHash) pendingUploads(services).remove(user.id, input.uploadHash);
    // A scan is read by OCR in the background, as the uploader's job (he may follow or cancel it).
    if (input.kind === 'scan') startOcr(services, input.caseId, user.id);
    // The 证据 tab shows thumbnails, not 4000×3000 originals; one that cannot be made now is made on its first request.
    if (image && bytes) await services.thumbnails.of(hash, bytes);
    return record;
  },
};
