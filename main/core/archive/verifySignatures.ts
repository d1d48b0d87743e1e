/**
 * The 电子档案包's signed volumes: each volume PDF that carries a signature (组卷 with 签章) must still
 * verify — the signature covers the whole file and its digest and value check out. A volume changed
 * after signing is reported by name even when the manifest was rewritten to match it.
 */
import type { PackageProblem } from '#common/schemas/archivePackage.js';
import { checkPdfSignatures } from '../dossier/signing/verifySignature.js';
import type { Manifest } from './manifest.js';
import { readEntry, type OpenedPackage } from './zipReader.js';

/** A volume above this is not read whole to check its signature (said, not skipped silently). */
export const maxSignedVolumeBytes = 1024 * 1024 * 1024;

export async function checkVolumeSignatures(
  pkg: OpenedPackage,
  m: Manifest,
  add: (p: PackageProblem) => void,
  breathe: () => Promise<void>,
): Promise<void> {
  for (const item of m.items.filter((i) => i.role === 'volume')) {
    await breathe();
    const entry = pkg.entries.get(item.path);
    if (!entry) continue; // reported as missing
    const name = `“${item.metadata.title}”（${item.path}）`;
    const bytes = await readEntry(pkg, entry, maxSignedVolumeBytes);
    if (bytes === 'tooLarge') {
      add({ kind: 'signature', path: item.path, message: `${name}超过1GB，未校验其电子签章` });
      continue;
    }
    if (!bytes) continue; // reported as unreadable
    for (const check of await checkPdfSignatures(bytes)) {
      if (!check.valid)
        add({
          kind: 'signature',
          path: item.path,
          message: `${name}的电子签章${check.signer ? `（${check.signer}）` : ''}无效：${check.problem}`,
        });
    }
  }
}
