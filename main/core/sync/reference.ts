/**
 * Applies the reference data the province published, after each pull (docs/server.md "Sync client"):
 * one applier per kind (reference/*.ts), each going through the import use case a clerk's import runs
 * — a holiday calendar through calendar.import, violation types through the discretion store,
 * law texts through laws.import, template versions through templates.import, procedure versions
 * through procedures.import's use case (the domain's own check; running cases keep their version),
 * the enterprise directory through enterprises.import's checks — with the published content, never a path.
 *
 * A payload that fails its check is refused with the Chinese reason and changes nothing; the clerk
 * reads both in 同步's “what changed”. Laws go before violation types (a new type may cite a law
 * published with it). A failure that is not a refusal (a full disk) leaves the version waiting for
 * the next round.
 */
import { AppError } from '#common/errors.js';
import { appliedKind, appliedKindNames, parseReferencePayload, type AppliedKind } from '#common/sync/reference.js';
import { SyncReference } from '#core/store/syncReference.js';
import type { SyncParts } from './integrate.js';
import { calendarApplier } from './reference/calendar.js';
import { checklistsApplier } from './reference/checklists.js';
import { enterprisesApplier } from './reference/enterprises.js';
import { lawsApplier } from './reference/laws.js';
import { proceduresApplier } from './reference/procedures.js';
import { templatesApplier } from './reference/templates.js';
import type { ReferenceApplier } from './reference/types.js';
import { violationTypesApplier } from './reference/violationTypes.js';

const appliers: { [K in AppliedKind]: ReferenceApplier<K> } = {
  calendar: calendarApplier,
  laws: lawsApplier,
  violationTypes: violationTypesApplier,
  templates: templatesApplier,
  procedures: proceduresApplier,
  checklists: checklistsApplier,
  enterprises: enterprisesApplier,
};
const order = Object.keys(appliers) as AppliedKind[];

export async function applyReference(parts: SyncParts, at: string): Promise<string[]> {
  const ref = new SyncReference(parts.services.db);
  const lines: string[] = [];
  const pending = ref
    .pendingKeys()
    .flatMap((r) => {
      const kind = appliedKind(r.kind);
      return kind ? [{ ...r, kind }] : [];
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.seq - b.seq);
  for (const r of pending) {
    const name = appliedKindNames[r.kind];
    const parsed = parseReferencePayload(r.kind, r.version, ref.payload(r.seq));
    if (!parsed.ok) {
      ref.refused(r.seq, parsed.reason);
      lines.push(`${name} ${r.version} 版未启用：${parsed.reason}`);
      continue;
    }
    try {
      lines.push(
        ...(await (appliers[r.kind] as ReferenceApplier<AppliedKind>).apply(parts.services, parsed.value, r.version)),
      );
      ref.applied(r.seq, at);
    } catch (e) {
      if (e instanceof AppError && e.code !== 'DISK_FULL' && e.code !== 'INTERNAL') {
        ref.refused(r.seq, e.message);
        lines.push(`${name} ${r.version} 版未启用：${e.message}`);
        continue;
      }
      console.error('[anjuan] sync: applying reference data failed', e);
      lines.push(`${name} ${r.version} 版本次未能启用，下次同步时重试`);
    }
  }
  return lines;
}
