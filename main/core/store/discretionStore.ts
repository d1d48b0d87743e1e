/**
 * The discretion benchmarks loaded on this workstation (table discretion_benchmarks): the one
 * shipped with the release and every table the province imported. The newest is in use; older
 * versions stay so a case can show the calculation it was decided with.
 */
import type { Db } from './db.js';
import { canonicalJson, sha256Hex } from './hashing.js';
import { discretionBenchmark, type DiscretionBenchmark } from '#common/schemas/discretion.js';
import { AppError } from '#common/errors.js';
import { violationType, type ViolationType } from '#common/schemas/reference.js';
import { z } from 'zod';

interface Row {
  seq: number;
  version: string;
  name: string;
  source: string;
  shipped: number;
  content_hash: string;
  type_count: number;
  imported_at: string;
  imported_by: string;
}

export interface VersionInfo {
  version: string;
  name: string;
  source: string;
  verified: boolean;
  types: number;
  importedAt: string;
  importedBy: string;
  active: boolean;
}

export interface SaveResult {
  version: string;
  changed: boolean;
}

export class DiscretionStore {
  /** Parsed benchmarks by version; rows never change once written (except a shipped row, see saveShipped). */
  private readonly parsed = new Map<
    string,
    { hash: string; benchmark: DiscretionBenchmark; types?: ViolationType[] }
  >();

  constructor(private readonly db: Db) {}

  /**
   * Records the release's benchmark. A new version becomes the one in use, as an import would; the
   * same version with other content (a release that fixed the sample without renaming it) replaces
   * the shipped row in place — never a province's row.
   */
  saveShipped(benchmark: DiscretionBenchmark, at: string): SaveResult {
    const hash = sha256Hex(canonicalJson(benchmark));
    const row = this.row(benchmark.version);
    if (row?.content_hash === hash) return { version: benchmark.version, changed: false };
    if (row && !row.shipped) return { version: benchmark.version, changed: false };
    if (row) {
      this.db
        .prepare(
          'UPDATE discretion_benchmarks SET name = ?, content_hash = ?, content = ?, type_count = ?, imported_at = ? WHERE seq = ?',
        )
        .run(benchmark.name, hash, JSON.stringify(benchmark), benchmark.violations.length, at, row.seq);
      this.parsed.delete(benchmark.version);
      return { version: benchmark.version, changed: true };
    }
    return this.insert(benchmark, hash, '随软件发布', true, at, '系统');
  }

  /** An imported table. The same version and content again changes nothing; the same version with other content is refused. */
  saveImported(benchmark: DiscretionBenchmark, source: string, at: string, by: string): SaveResult {
    const hash = sha256Hex(canonicalJson(benchmark));
    const row = this.row(benchmark.version);
    if (row?.content_hash === hash) return { version: benchmark.version, changed: false };
    if (row) {
      throw new AppError(
        'VALIDATION',
        `裁量基准版本“${benchmark.version}”已于${row.imported_at.slice(0, 10)}载入且内容不同；已有案件可能按该版本计算，请为新的基准表使用新的版本号`,
      );
    }
    return this.insert(benchmark, hash, source, false, at, by);
  }

  /** The benchmark in use (the newest loaded), or a given version. */
  benchmark(version?: string): DiscretionBenchmark {
    const row =
      version === undefined
        ? (this.db.prepare('SELECT version FROM discretion_benchmarks ORDER BY seq DESC LIMIT 1').get() as
            | { version: string }
            | undefined)
        : this.row(version);
    if (!row)
      throw new AppError('NOT_FOUND', version === undefined ? '尚未载入裁量基准' : `没有版本为“${version}”的裁量基准`);
    return this.load(row.version);
  }

  /**
   * The types of the benchmark in use as cases carry them (articles, band, penalty): without the
   * factors, keywords and evidence lists, which belong to the benchmark, not to each case.
   */
  violationTypes(): ViolationType[] {
    const version = this.benchmark().version;
    const entry = this.parsed.get(version)!;
    entry.types ??= z.array(violationType).parse(entry.benchmark.violations);
    return entry.types;
  }

  versions(): VersionInfo[] {
    const rows = this.db
      .prepare(
        'SELECT seq, version, name, source, shipped, content_hash, type_count, imported_at, imported_by FROM discretion_benchmarks ORDER BY seq DESC',
      )
      .all() as Row[];
    return rows.map((r, i) => ({
      version: r.version,
      name: r.name,
      source: r.source,
      verified: this.load(r.version).verified,
      types: r.type_count,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
      active: i === 0,
    }));
  }

  private insert(
    benchmark: DiscretionBenchmark,
    hash: string,
    source: string,
    shipped: boolean,
    at: string,
    by: string,
  ): SaveResult {
    this.db
      .prepare(`INSERT INTO discretion_benchmarks (version, name, source, shipped, content_hash, content, type_count, imported_at, imported_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        benchmark.version,
        benchmark.name,
        source,
        shipped ? 1 : 0,
        hash,
        JSON.stringify(benchmark),
        benchmark.violations.length,
        at,
        by,
      );
    return { version: benchmark.version, changed: true };
  }

  private row(version: string): Row | undefined {
    return this.db
      .prepare(
        'SELECT seq, version, name, source, shipped, content_hash, type_count, imported_at, imported_by FROM discretion_benchmarks WHERE version = ?',
      )
      .get(version) as Row | undefined;
  }

  private load(version: string): DiscretionBenchmark {
    const { content_hash: hash } = this.row(version)!;
    const cached = this.parsed.get(version);
    if (cached?.hash === hash) return cached.benchmark;
    const content = (
      this.db.prepare('SELECT content FROM discretion_benchmarks WHERE version = ?').get(version) as { content: string }
    ).content;
    const benchmark = discretionBenchmark.parse(JSON.parse(content));
    this.parsed.set(version, { hash, benchmark });
    return benchmark;
  }
}
