/**
 * Who sees what: a county sees its own cases, a prefecture its counties', the province all. Pure,
 * over the bureau list loaded at start (98 rows).
 */
import type { BureauView } from '#common/sync/enrolment.js';

export class BureauTree {
  private readonly byId: ReadonlyMap<string, BureauView>;

  constructor(bureaus: readonly BureauView[]) {
    this.byId = new Map(bureaus.map((b) => [b.id, b]));
  }

  get(id: string): BureauView | null {
    return this.byId.get(id) ?? null;
  }

  /** True when `id` is `ancestor` or lies below it. */
  isWithin(id: string, ancestor: string): boolean {
    for (let b = this.byId.get(id); b; b = b.parentId ? this.byId.get(b.parentId) : undefined) {
      if (b.id === ancestor) return true;
    }
    return false;
  }

  /** `id` and every bureau below it. */
  subtree(id: string): string[] {
    return [...this.byId.values()].filter((b) => this.isWithin(b.id, id)).map((b) => b.id);
  }
}
