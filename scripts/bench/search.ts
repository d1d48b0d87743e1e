/**
 * Search across cases (application/searchCases.ts): indexing 10,000 synthetic documents of 1–3
 * pages (scripts/bench/searchCorpus.ts) through the store the projection's save uses, and the p95
 * of `search.query`'s use case over 100,000 such documents, with a mix of what clerks type: one-
 * and two-character words, legal terms, party names and fragments, case numbers, USCC prefixes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchCases } from '#core/application/searchCases.js';
import type { Services } from '#core/services.js';
import { openDatabase } from '#core/store/db.js';
import type { Db } from '#core/store/db.js';
import type { UserRow } from '#core/store/directory.js';
import { SearchIndex } from '#core/store/searchIndex.js';
import { percentile } from './enterprises.js';
import type { Figure } from './report.js';
import { type CaseFacts, seededRandom, syntheticCase, syntheticDocument } from './searchCorpus.js';

const docsPerCase = 10;

/** Indexes `docs` documents (10 a case) in transactions of 25 cases; returns the cases' facts. */
export function indexCorpus(db: Db, docs: number, seed: number): CaseFacts[] {
  const index = new SearchIndex(db);
  const r = seededRandom(seed);
  const facts: CaseFacts[] = [];
  const cases = Math.ceil(docs / docsPerCase);
  for (let i = 0; i < cases; i += 25) {
    db.transaction(() => {
      for (let k = i; k < Math.min(cases, i + 25); k++) {
        const c = syntheticCase(r, k);
        facts.push(c);
        const wanted = Array.from({ length: docsPerCase }, (_, d) => {
          const text = syntheticDocument(r, c);
          return {
            key: `doc:${d}`,
            hash: `${k}-${d}`,
            build: () => ({ kind: 'document' as const, ref: `d${k}-${d}`, title: '《文书》', page: null, text }),
          };
        });
        index.syncCase(
          {
            caseId: `c${k}`,
            bureauId: 'b',
            officerIds: `,o${k % 20},`,
            closed: k % 3 === 0,
            year: 2020 + (k % 7),
            violationId: `v${k % 30}`,
            violationName: '违法行为',
            partyName: c.party,
            number: c.number,
            filedOn: `${2020 + (k % 7)}-03-01`,
          },
          wanted,
        );
      }
    })();
  }
  return facts;
}

export function queries(facts: CaseFacts[], n: number): string[] {
  const r = seededRandom(11);
  const f = () => facts[Math.floor(r() * facts.length)]!;
  const kinds: Array<() => string> = [
    () => ['水', '罚', '磷', '噪', '渣'][Math.floor(r() * 5)]!,
    () => ['化工', '违反', '氨氮', '听证', '砂石', '暗管', '复议', '电镀'][Math.floor(r() * 8)]!,
    () => ['化学需氧量', '生态环境', '暗管排放', '挥发性有机物', '现场检查'][Math.floor(r() * 5)]!,
    () => f().party,
    () => f().party.slice(0, 4),
    () => f().number,
    () => f().uscc.slice(0, 8 + Math.floor(r() * 10)),
    () => `${f().city} ${['化工', '氨氮', '听证'][Math.floor(r() * 3)]}`,
    () => f().representative,
  ];
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length]!());
}

export async function searchFigures(report: (f: Figure) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-search-'));
  try {
    const small = openDatabase(join(dir, 'small.db'));
    const t0 = performance.now();
    indexCorpus(small, 10_000, 7);
    report({
      name: 'search-index-10k-docs',
      value: (performance.now() - t0) / 1000,
      unit: 's',
      op: '<',
      target: 60,
      note: 'segment (Intl.Segmenter) + FTS5 words and chars columns, 1–3 pages each',
    });
    small.close();

    const db = openDatabase(join(dir, 'big.db'));
    const t1 = performance.now();
    const facts = indexCorpus(db, 100_000, 8);
    console.log(`# indexed 100,000 documents in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    const services = { db } as unknown as Services;
    const head = { id: 'u', roles: ['head'], bureauId: 'b', officerId: null } as unknown as UserRow;
    const officer = { id: 'o', roles: ['officer'], bureauId: 'b', officerId: 'o3' } as unknown as UserRow;
    const qs = queries(facts, 400);
    for (const q of qs.slice(0, 20)) searchCases(services, head, { text: q, offset: 0, limit: 20 });
    const times: number[] = [];
    qs.forEach((q, i) => {
      const user = i % 4 === 3 ? officer : head;
      const a = performance.now();
      searchCases(services, user, { text: q, offset: 0, limit: 20, ...(i % 5 === 4 ? { year: 2024 } : {}) });
      times.push(performance.now() - a);
    });
    report({
      name: 'search-p95-100k-docs',
      value: percentile(times, 95),
      unit: 'ms',
      op: '<',
      target: 50,
      note: `400 queries (1, 2, 3+ characters, names, numbers, USCC; heads and an officer; some by year); median ${percentile(times, 50).toFixed(1)} ms`,
    });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search.ts')) await searchFigures((f) => console.log(JSON.stringify(f)));
