/**
 * The reference data the server judges pushed events with (domain/procedure/eventGuards.ts): the data the
 * workstation's engine reads, from the same places. Shipped with the release and loaded by the
 * workstation's own loaders (server/app.ts): the law data of resources/laws (article map,
 * commencements, repeals, 从旧兼从轻 and limitation), the 较大数额 threshold, which documents carry a 文号.
 * Published by the province (reference_data) and applied here as the workstations apply them:
 * - holiday calendars: every year published replaces the shipped one of that year (loadCalendar), at
 *   once — the State Council's notice is a fact, whoever has not received it yet;
 * - discretion benchmarks: a workstation uses the newest it holds, so an event is judged with the newest
 *   one published before the event was recorded (`at`), else the shipped one — a desk offline since then
 *   is not refused for a table it could not have had.
 * Law texts (kind `laws`) are not read by any guard: the legal basis rests on the benchmark's types and
 * the law data above, as on the workstation. No bureau setting is read by a guard either.
 */
import type pg from 'pg';
import { z } from 'zod';
import { appliedKind, parseReferencePayload } from '#common/sync/reference.js';
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import { violationType, type ViolationType } from '#common/schemas/reference.js';
import type { CalendarYear, WorkingCalendar } from '#core/domain/calendar.js';
import type { HearingThreshold } from '#core/domain/hearingThreshold.js';
import type { RuleFacts } from '#core/domain/procedure/eventGuards.js';

/** What the release ships, loaded by the workstation's loaders (services.ts loadRuleResources, loadCalendar). */
export interface ShippedRules {
  law: RuleFacts['law'];
  hearingThreshold: HearingThreshold;
  benchmark: DiscretionBenchmark;
  numberedTypes: ReadonlySet<string>;
  documentTypeNames: ReadonlyMap<string, string>;
  /** The working calendar: the shipped years and those given (the province's published ones). */
  calendarWith: (published: readonly CalendarYear[]) => WorkingCalendar;
}

const typesOf = (b: DiscretionBenchmark): ViolationType[] => z.array(violationType).parse(b.violations);

export class RuleData {
  private calendar: WorkingCalendar;
  private readonly years = new Map<number, CalendarYear>();
  /** Published benchmarks, oldest first. */
  private readonly benchmarks: Array<{ publishedAt: string; types: ViolationType[] }> = [];
  private readonly shippedTypes: ViolationType[];

  constructor(private readonly shipped: ShippedRules) {
    this.calendar = shipped.calendarWith([]);
    this.shippedTypes = typesOf(shipped.benchmark);
  }

  /** A version the province published (at start for those published before; then as each is). */
  add(kind: string, version: string, payload: unknown, publishedAt: Date): void {
    const k = appliedKind(kind);
    if (k === 'calendar') {
      const r = parseReferencePayload('calendar', version, payload);
      if (!r.ok) return; // refused at publication; an older row that no longer parses is left out
      this.years.set(r.value.year, r.value as CalendarYear);
      this.calendar = this.shipped.calendarWith([...this.years.values()]);
    } else if (k === 'violationTypes') {
      const r = parseReferencePayload('violationTypes', version, payload);
      if (!r.ok) return;
      this.benchmarks.push({ publishedAt: publishedAt.toISOString(), types: typesOf(r.value) });
    }
  }

  /** The facts an event recorded at `at` (ISO instant) is judged with. */
  factsAt(at: string): RuleFacts {
    const published = this.benchmarks.filter((b) => b.publishedAt <= at).at(-1);
    const names = this.shipped.documentTypeNames;
    return {
      calendar: this.calendar,
      violations: published?.types ?? this.shippedTypes,
      law: this.shipped.law,
      hearingThreshold: this.shipped.hearingThreshold,
      numberedTypes: this.shipped.numberedTypes,
      documentName: (type) => `《${names.get(type) ?? type}》`,
    };
  }
}

/** Every calendar and benchmark published so far, in the order published. */
export async function loadPublishedRules(pool: pg.Pool, rules: RuleData): Promise<void> {
  const rows = (
    await pool.query<{ kind: string; version: string; payload: unknown; published_at: Date }>(
      `SELECT kind, version, payload, published_at FROM reference_data
        WHERE kind IN ('calendar', 'calendars', 'violationTypes', 'violation-types', 'discretion') ORDER BY seq`,
    )
  ).rows;
  for (const r of rows) rules.add(r.kind, r.version, r.payload, r.published_at);
}
