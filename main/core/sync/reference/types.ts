/** One kind of published reference data, applied through the import use case a clerk's import runs. */
import type { AppliedKind, AppliedPayloads } from '#common/sync/reference.js';
import type { Services } from '#core/services.js';

export interface ReferenceApplier<K extends AppliedKind> {
  /**
   * Applies a payload whose shape is checked. Refuses it by throwing an AppError with the Chinese
   * reason, having changed nothing. Returns the lines 同步 shows under “what changed”; applying the
   * same content again changes nothing and says so.
   */
  apply(services: Services, payload: AppliedPayloads[K], version: string): Promise<string[]>;
}

/** “A、B、C等5类”: a few names, the count when there are more. */
export function someNames(names: readonly string[], max = 3): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')}等`;
}
