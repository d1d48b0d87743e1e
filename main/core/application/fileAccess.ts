/**
 * Who may read a stored file (security audit: any logged-in user could read any hash). The rule sits
 * beside the case rule (caseAccess.ts) and follows it: a file is read through a case that refers to
 * it — a photo, a document version, a sealed PDF, a dossier volume, or what the core made from one
 * of these (the PDF of a DOCX, the thumbnail of a photo) — by a user who may see that case
 * (处罚法 art. 42: the case file is its officers' and, for 审核 and 审批, the bureau's reviewers' and
 * heads'). The bureau's seal image belongs to no case: whoever may open 本局设置 may see it; nor does a
 * 通知公告's attachment: every user of the desk may read it.
 */
import { AppError } from '#common/errors.js';
import type { FileRequest } from '#common/files.js';
import type { CaseState } from '#common/schemas/cases.js';
import { FileRefs } from '#core/store/fileRefs.js';
import { NoticeStore } from '#core/store/notices.js';
import type { UserRow } from '#core/store/directory.js';
import type { Services } from '#core/services.js';
import { canSeeCase, caseScope, forbiddenCase } from './caseAccess.js';
import { sealImageSetting } from './settings.js';

const article = '（《中华人民共和国行政处罚法》第四十二条）';

/** Every file hash a case's state names: the values of `hash` and `…Hash` keys, wherever they are. */
export function referencedHashes(state: CaseState): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [state];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string') {
        if ((k === 'hash' || k.endsWith('Hash')) && /^[0-9a-f]{64}$/.test(x)) out.add(x);
      } else if (typeof x === 'object' && x !== null) {
        stack.push(x);
      }
    }
  }
  return out;
}

/** Throws unless `user` may read the file `req` names (the thumbnail of a photo: as the photo). */
export function checkFileAccess(services: Services, user: UserRow, req: FileRequest): void {
  if (!req.variant && req.hash === sealImageSetting(services)) return; // settings.get is open to every user
  // A 通知公告's attachment is addressed to the bureau, so every user of the desk may read it (notices.list is open to all).
  if (!req.caseId && !req.variant && new NoticeStore(services.db).hasAttachment(req.hash)) return;
  const refs = new FileRefs(services.db);
  const candidates = (): string[] => [req.hash, ...refs.sourcesOf(req.hash)];
  if (req.caseId) {
    const state = services.cases.projection.get(req.caseId);
    if (!state) throw new AppError('NOT_FOUND', '案件不存在');
    if (!canSeeCase(user, state)) throw forbiddenCase(state);
    const named = referencedHashes(state);
    if (!candidates().some((h) => named.has(h))) {
      throw new AppError('FORBIDDEN_CASE', `此文件不属于案件${state.number}，不能通过该案件读取${article}`);
    }
    return;
  }
  const scope = caseScope(user);
  if (!scope || !refs.referencedInScope(candidates(), scope)) {
    throw new AppError(
      'FORBIDDEN_CASE',
      `您无权读取此文件：它不属于您承办的案件，也不属于您作为本局审核人员、负责人可以查看的案件${article}`,
    );
  }
}
