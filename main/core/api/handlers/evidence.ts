import { imageSize } from 'image-size';
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import { checkEvidenceFile, sniffBytes } from '#common/evidenceFiles.js';
import { pngPixelsInflate } from '#core/documents/pngCheck.js';
import { today } from '#core/application/caseView.js';
import { checkCaseDate } from '#core/application/dateRules.js';
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

export const evidenceHandlers: HandlerMap<'evidence.add'> = {
  'evidence.add': async (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', `证据文件不能超过${maxBytes / 1024 / 1024}MB`);
    // The bytes, the name's extension and the kind chosen must agree (common/evidenceFiles.ts).
    const check = checkEvidenceFile(input.fileName, bytes.subarray(0, sniffBytes), input.kind);
    if (!check.ok)
      throw new AppError(input.kind === 'photo' ? 'NOT_AN_IMAGE' : 'VALIDATION', check.message, [
        { path: 'file', message: check.message },
      ]);
    const image = check.format === 'jpeg' || check.format === 'png';
    const mimeType = image ? sniffImage(bytes) : check.mimeType;
    if (!mimeType) throw new AppError('NOT_AN_IMAGE', `“${input.fileName}”不是有效的JPEG或PNG图片`);
    const state = services.cases.get(input.caseId);
    checkCaseDate('拍摄日期', input.takenOn, state.filedOn, today(services));
    const hash = services.blobs.put(bytes, mimeType);
    const record = {
      id: ulid(),
      kind: input.kind,
      fileName: input.fileName,
      mimeType,
      hash,
      size: bytes.length,
      description: input.description,
      takenOn: input.takenOn,
      ...(input.takenAt ? { takenAt: input.takenAt } : {}),
      ...(input.place?.trim() ? { place: input.place.trim() } : {}),
      ...(input.source?.trim() ? { source: input.source.trim() } : {}),
      ...(input.collectors?.length ? { collectors: input.collectors.map((c) => c.trim()).filter(Boolean) } : {}),
      addedAt: services.clock.now().toISOString(),
      addedBy: user.name,
    };
    services.cases.write(input.caseId, { id: user.id, name: user.name, device: services.device }, (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      if (current.closedOn) throw new AppError('ACTION_NOT_ALLOWED', '案件已结案，不能再添加证据');
      return [{ type: 'evidence.added', payload: record }];
    });
    // The 证据 tab shows thumbnails, not 4000×3000 originals; one that cannot be made now is made on its first request.
    if (image) await services.thumbnails.of(hash, bytes);
    return record;
  },
};
