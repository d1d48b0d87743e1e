/**
 * The enterprise directory in SQLite: records keyed by 统一社会信用代码, written in batches (one
 * transaction each) with their search index, so a re-import updates rows in place and never adds a
 * second row for the same code.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import type { Enterprise } from '#common/schemas/reference.js';
import type { EnterpriseDetail } from '#common/schemas/enterprises.js';
import type { EnterpriseRecord } from '../domain/enterprises/row.js';
import { InitialsCache } from '../domain/enterprises/initials.js';
import { spaced } from './enterpriseSearch.js';

/** Bump when what the search index holds changes: the index is then rebuilt at start. */
export const searchIndexVersion = 1;

export type ImportOutcome = 'added' | 'updated' | 'unchanged';

/**
 * What an import changed, to take it back (a cancelled or failed import leaves the directory as it
 * was): the id of a record it added, or a record as it was before the import updated it.
 */
export type EnterpriseUndo =
  | { kind: 'added'; id: string; seq: number }
  | { kind: 'updated'; before: RawEnterprise & { fingerprint: string; search_seq: number | null } };

export interface RawEnterprise {
  id: string;
  name: string;
  uscc: string;
  legal_representative: string;
  address: string;
  county: string;
  county_code: string;
  industry_code: string;
  longitude: number | null;
  latitude: number | null;
  permit_numbers: string;
  key_polluter: string;
  initials: string;
  source: string;
  imported_at: string | null;
}

export const detailColumns = `id, name, uscc, legal_representative, address, county, county_code, industry_code, longitude, latitude,
  permit_numbers, key_polluter, initials, source, imported_at`;

export function toDetail(r: RawEnterprise): EnterpriseDetail {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    legalRepresentative: r.legal_representative,
    address: r.address,
    county: r.county,
    countyCode: r.county_code,
    industryCode: r.industry_code,
    longitude: r.longitude,
    latitude: r.latitude,
    permitNumbers: JSON.parse(r.permit_numbers) as string[],
    keyPolluter: JSON.parse(r.key_polluter) as string[],
    initials: r.initials,
    source: r.source,
    importedAt: r.imported_at,
  };
}

/** What makes two imports of one enterprise the same: every field the file gives. */
export function fingerprintOf(r: EnterpriseRecord): string {
  return createHash('sha1')
    .update(
      JSON.stringify([
        r.name,
        r.uscc,
        r.legalRepresentative,
        r.address,
        r.countyCode,
        r.county,
        r.industryCode,
        r.longitude,
        r.latitude,
        r.permitNumbers,
        r.keyPolluter,
      ]),
    )
    .digest('hex');
}

export class EnterpriseStore {
  private readonly byUscc;
  private readonly insert;
  private readonly update;
  private readonly ftsInsert;
  private readonly ftsDelete;
  private readonly nextSeq;
  private readonly fullRow;
  private readonly pinyin = new InitialsCache();

  constructor(private readonly db: Db) {
    this.byUscc = db.prepare('SELECT id, fingerprint, search_seq AS seq FROM enterprises WHERE uscc = ?');
    this.insert =
      db.prepare(`INSERT INTO enterprises (id, name, uscc, legal_representative, address, county, county_code, industry_code,
      longitude, latitude, permit_numbers, key_polluter, initials, fingerprint, source, imported_at, search_seq)
      VALUES (@id, @name, @uscc, @legalRepresentative, @address, @county, @countyCode, @industryCode, @longitude, @latitude,
      @permitNumbers, @keyPolluter, @initials, @fingerprint, @source, @importedAt, @seq)`);
    this.update =
      db.prepare(`UPDATE enterprises SET name = @name, legal_representative = @legalRepresentative, address = @address,
      county = @county, county_code = @countyCode, industry_code = @industryCode, longitude = @longitude, latitude = @latitude,
      permit_numbers = @permitNumbers, key_polluter = @keyPolluter, initials = @initials, fingerprint = @fingerprint,
      source = @source, imported_at = @importedAt, search_seq = @seq WHERE id = @id`);
    this.ftsInsert =
      db.prepare(`INSERT INTO enterprises_fts (rowid, name, legal_representative, address, initials, rep_initials)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.ftsDelete = db.prepare('DELETE FROM enterprises_fts WHERE rowid = ?');
    this.nextSeq = db.prepare('SELECT COALESCE(MAX(search_seq), 0) + 1 AS n FROM enterprises');
    this.fullRow = db.prepare(`SELECT ${detailColumns}, fingerprint, search_seq FROM enterprises WHERE id = ?`);
  }

  private index(
    seq: number,
    e: { name: string; legalRepresentative: string; address: string },
    initials: string,
  ): void {
    this.ftsInsert.run(
      seq,
      spaced(e.name),
      spaced(e.legalRepresentative),
      spaced(e.address),
      spaced(initials),
      spaced(this.pinyin.initials(e.legalRepresentative)),
    );
  }

  /**
   * Writes one batch in one transaction: a new code is added, a known code with other data is
   * updated in place (same id, so cases keep pointing at it), the same data is left alone.
   */
  importBatch(
    records: readonly EnterpriseRecord[],
    meta: { source: string; importedAt: string },
    undo?: EnterpriseUndo[],
  ): ImportOutcome[] {
    return this.db.transaction(() => {
      let seq = (this.nextSeq.get() as { n: number }).n;
      return records.map((r): ImportOutcome => {
        const fingerprint = fingerprintOf(r);
        const known = this.byUscc.get(r.uscc) as { id: string; fingerprint: string; seq: number | null } | undefined;
        if (known && known.fingerprint === fingerprint) return 'unchanged';
        const initials = this.pinyin.initials(r.name);
        const row = {
          ...r,
          initials,
          fingerprint,
          ...meta,
          permitNumbers: JSON.stringify(r.permitNumbers),
          keyPolluter: JSON.stringify(r.keyPolluter),
          id: known?.id ?? `ent-${r.uscc}`,
          seq: known?.seq ?? seq++,
        };
        if (known) {
          undo?.push({
            kind: 'updated',
            before: this.fullRow.get(known.id) as RawEnterprise & { fingerprint: string; search_seq: number | null },
          });
          if (known.seq !== null) this.ftsDelete.run(known.seq);
          this.update.run(row);
        } else {
          this.insert.run(row);
          undo?.push({ kind: 'added', id: row.id, seq: row.seq });
        }
        this.index(row.seq, r, initials);
        return known ? 'updated' : 'added';
      });
    })();
  }

  /**
   * Takes back what an import wrote (newest first), in one transaction. A record the import added is
   * kept when a case was opened on it meanwhile (the case must keep its party); returns how many were.
   */
  undoImport(entries: readonly EnterpriseUndo[]): number {
    return this.db.transaction(() => {
      let kept = 0;
      const usedByCase = this.db.prepare('SELECT 1 FROM cases WHERE enterprise_id = ? LIMIT 1');
      const seqOf = this.db.prepare('SELECT search_seq AS seq FROM enterprises WHERE id = ?');
      const remove = this.db.prepare('DELETE FROM enterprises WHERE id = ?');
      const restore =
        this.db.prepare(`UPDATE enterprises SET name = @name, legal_representative = @legal_representative, address = @address,
        county = @county, county_code = @county_code, industry_code = @industry_code, longitude = @longitude, latitude = @latitude,
        permit_numbers = @permit_numbers, key_polluter = @key_polluter, initials = @initials, fingerprint = @fingerprint,
        source = @source, imported_at = @imported_at, search_seq = @search_seq WHERE id = @id`);
      for (let i = entries.length - 1; i >= 0; i--) {
        const u = entries[i]!;
        if (u.kind === 'added') {
          if (usedByCase.get(u.id)) {
            kept++;
            continue;
          }
          this.ftsDelete.run(u.seq);
          remove.run(u.id);
          continue;
        }
        const now = seqOf.get(u.before.id) as { seq: number | null } | undefined;
        if (now?.seq != null) this.ftsDelete.run(now.seq);
        restore.run(u.before);
        const b = u.before;
        if (b.search_seq !== null)
          this.index(
            b.search_seq,
            { name: b.name, legalRepresentative: b.legal_representative, address: b.address },
            b.initials,
          );
      }
      return kept;
    })();
  }

  /** Adds one record as the demo and the tests create them (no import data beyond the basics). */
  add(e: Enterprise): void {
    const seq = (this.nextSeq.get() as { n: number }).n;
    const initials = this.pinyin.initials(e.name);
    this.insert.run({
      ...e,
      countyCode: '',
      industryCode: '',
      longitude: null,
      latitude: null,
      permitNumbers: '[]',
      keyPolluter: '[]',
      initials,
      fingerprint: '',
      source: '',
      importedAt: null,
      seq,
    });
    this.index(seq, e, initials);
  }

  get(id: string): EnterpriseDetail | null {
    const r = this.db.prepare(`SELECT ${detailColumns} FROM enterprises WHERE id = ?`).get(id) as
      | RawEnterprise
      | undefined;
    return r ? toDetail(r) : null;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM enterprises').get() as { n: number }).n;
  }

  /**
   * Rebuilds the search index when it is older than this code or out of step with the table
   * (rows written by an older version, or by hand): run once at start, in one transaction.
   */
  ensureSearchIndex(): boolean {
    const meta = this.db.prepare("SELECT value FROM meta WHERE key = 'enterpriseSearchIndex'").get() as
      | { value: string }
      | undefined;
    const missing = this.db.prepare('SELECT 1 FROM enterprises WHERE search_seq IS NULL LIMIT 1').get();
    if (meta?.value === String(searchIndexVersion) && !missing) return false;
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO enterprises_fts (enterprises_fts) VALUES ('delete-all')").run();
      this.db.prepare('UPDATE enterprises SET search_seq = NULL').run();
      const rows = this.db
        .prepare('SELECT id, name, legal_representative, address FROM enterprises ORDER BY rowid')
        .all() as Array<{ id: string; name: string; legal_representative: string; address: string }>;
      const set = this.db.prepare('UPDATE enterprises SET search_seq = ?, initials = ? WHERE id = ?');
      rows.forEach((r, i) => {
        const initials = this.pinyin.initials(r.name);
        set.run(i + 1, initials, r.id);
        this.index(i + 1, { name: r.name, legalRepresentative: r.legal_representative, address: r.address }, initials);
      });
      this.db
        .prepare(
          "INSERT INTO meta (key, value) VALUES ('enterpriseSearchIndex', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )
        .run(String(searchIndexVersion));
    })();
    return true;
  }
}
