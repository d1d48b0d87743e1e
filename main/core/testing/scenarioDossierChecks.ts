/**
 * The electronic dossier's acceptance: every sample scenario's file, bound with the built-in Chromium
 * engine, passes `qpdf --check`, and its 卷内目录 says what its pages hold — read back from the PDF
 * (readBound.ts, as the 案卷评查 reads it, and the text of each page), never from what the binding meant
 * to write. Each catalogued document's pages are that document's own pages, in order, numbered as the
 * row says; each item's first page shows the title the row gives it (查封决定书, as the decision is titled).
 *
 * Called by api/scenarios.test.ts over the shared run of the scenarios (sampleRuns.ts); each document is
 * rendered once (the engine's cache), LibreOffice never.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDossierSheet } from '#common/documentTypes.js';
import { unspaced } from '#core/documents/docxHeading.js';
import { catalogPages, coverCounts, remarksCounts } from '#core/domain/review/dossierRules.js';
import type { BoundVolumeFacts, ReviewFacts } from '#core/domain/review/facts.js';
import { currentDocuments } from '#core/dossier/buildCaseDossier.js';
import { readBound } from '#core/dossier/readBound.js';
import type { CatalogRow } from '#core/dossier/types.js';
import type { SampleRuns } from './sampleRuns.js';
import { scenarioNames } from './scenario.js';

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/** A document on file as printed: its title, 文号 and page count. */
interface Source {
  title: string;
  number: string;
  pages: number;
}

interface Bound {
  name: string;
  volume: '正卷' | '副卷';
  pdf: Uint8Array;
  catalog: CatalogRow[];
  /** 件数 and 页数 as the binding reported them. */
  items: number | undefined;
  numberedPages: number | undefined;
  sources: Source[];
  /** Read back once: what the 评查 reads, and the text of each page (spaces dropped). */
  facts: BoundVolumeFacts;
  pageTexts: string[];
}

/** “3” or “3-5” → [3, 5]. */
function range(page: string): [number, number] {
  const [a, b] = page.split('-').map(Number) as [number, number?];
  return [a, b ?? a];
}

/** The checks, over `runs()` once its scenarios have run; skipped (and said so) where Chromium did not bind them. */
export function describeScenarioDossiers(runs: () => SampleRuns, chromium: boolean): void {
  if (!chromium) console.warn('Scenario dossiers test skipped: no Chromium (ANJUAN_CHROMIUM or /usr/bin/chromium)');
  else if (!hasQpdf)
    console.warn('Scenario dossiers: qpdf --check skipped, qpdf is not installed (apt-get install qpdf)');
  describe.skipIf(!chromium)('every sample scenario binds a sound file whose 卷内目录 matches its pages', () => {
    const bound: Bound[] = [];
    let dir: string;
    let seconds = 0;
    beforeAll(async () => {
      const started = Date.now();
      dir = mkdtempSync(join(tmpdir(), 'anjuan-dossiers-'));
      const { t, results } = runs();
      const read = async (officer: string, hash: string) =>
        new Uint8Array(Buffer.from((await t.call(officer, 'blobs.read', { hash })).base64, 'base64'));
      for (const name of scenarioNames) {
        const r = results[name]!;
        const sources: Source[] = [];
        for (const d of currentDocuments(r.archived.state.documents).filter((x) => !isDossierSheet(x.type))) {
          // Cached: the binding converted the same DOCX (a sealed document is filed as sealed).
          const { pages } = await t.call(r.officer, 'documents.pdf', { caseId: r.caseId, documentId: d.id });
          sources.push({ title: d.name.replace(/[《》]/g, ''), number: d.number ?? '', pages });
        }
        for (const v of r.dossier.volumes) {
          const pdf = await read(r.officer, v.pdfHash);
          bound.push({
            ...(await readBound(v.volume, pdf)),
            name,
            volume: v.volume,
            pdf,
            catalog: v.catalog,
            items: v.items,
            numberedPages: v.numberedPages,
            sources,
          });
        }
      }
      seconds = (Date.now() - started) / 1000;
    }, 600_000);
    afterAll(async () => {
      console.info(
        `Scenario dossiers: ${bound.length} volumes of ${scenarioNames.length} scenarios (run in ${runs().seconds.toFixed(1)} s) read back in ${seconds.toFixed(1)} s`,
      );
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('binds both volumes where there are internal documents', () => {
      expect(new Set(bound.map((b) => b.name))).toEqual(new Set(scenarioNames));
      expect(bound.filter((b) => b.volume === '副卷').map((b) => b.name)).toEqual(
        scenarioNames.filter((n) => n !== 'summary'),
      );
    });

    it.skipIf(!hasQpdf)('each volume passes qpdf --check without a warning', () => {
      const failed = bound.flatMap((b) => {
        const file = join(dir, `${b.name}-${b.volume}.pdf`);
        writeFileSync(file, b.pdf);
        const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
        // qpdf exits 0 only when it found neither errors nor warnings (3: warnings, 2: errors).
        return q.status === 0 && !/WARNING/.test(q.stdout + q.stderr)
          ? []
          : [`${b.name} ${b.volume}: qpdf ${q.status} ${q.stdout}${q.stderr}`];
      });
      expect(failed).toEqual([]);
    });

    it('the catalog, the bookmarks, the printed numbers and the counts on the cover and 备考表 agree (as the 评查 reads them)', () => {
      const problems: string[] = [];
      for (const b of bound) {
        const facts = b.facts;
        const f = { volumes: [facts] } as unknown as ReviewFacts;
        for (const finding of [...catalogPages(f), ...coverCounts(f), ...remarksCounts(f)])
          problems.push(`${b.name}: ${finding.message}`);
        if (facts.catalog.map((c) => c.page).join() !== b.catalog.map((c) => c.page).join())
          problems.push(
            `${b.name} ${b.volume}: 目录页号 ${facts.catalog.map((c) => c.page)} ≠ ${b.catalog.map((c) => c.page)}`,
          );
        if (facts.starts.map((s) => s.title).join() !== b.catalog.map((c) => c.title).join())
          problems.push(`${b.name} ${b.volume}: 书签与目录题名不一致`);
        if (facts.numberedPages !== b.numberedPages || facts.cover?.items !== b.items)
          problems.push(`${b.name} ${b.volume}: 页数/件数与组卷结果不一致`);
      }
      expect(problems).toEqual([]);
    });

    it("each row spans its item's pages, numbered as the row says, the first showing the item's title and 文号", () => {
      const problems: string[] = [];
      for (const b of bound) {
        const pages = b.pageTexts;
        // The numbered pages are the last ones: the documents, then the 备考表.
        const numbered = b.facts.numberedPages;
        const first = pages.length - numbered;
        const at = (n: number) => pages[first + n - 1] ?? '';
        const where = (row: CatalogRow) => `${b.name} ${b.volume}第${row.seq}行（${row.title}，${row.page}）`;
        let next = 1;
        for (const row of b.catalog) {
          const [from, to] = range(row.page);
          // Contiguous: the page before a row's first is the previous row's last.
          if (from !== next || to < from) problems.push(`${where(row)}：应自第${next}页起`);
          next = to + 1;
          if (!at(from).includes(unspaced(row.title))) problems.push(`${where(row)}：首页未见题名`);
          // The number stamped on a page is the last thing drawn on it.
          for (let n = from; n <= to; n++)
            if (!new RegExp(`(^|\\D)${n}$`).test(at(n))) problems.push(`${where(row)}：第${n}页页码不符`);
          const own = b.sources.filter((s) => s.title === row.title && s.number === row.number);
          // Evidence (现场照片：…, 执行凭证：…) is drawn by the binding itself; every other row is a document on file.
          if (own.length === 0) {
            if (!row.title.includes('：')) problems.push(`${where(row)}：案中没有这份文书`);
            continue;
          }
          if (!own.some((s) => s.pages === to - from + 1))
            problems.push(`${where(row)}：该文书共${own.map((s) => s.pages).join('或')}页`);
          if (row.number && !at(from).includes(unspaced(row.number))) problems.push(`${where(row)}：首页未见文号`);
        }
        // The 备考表 follows the last item, within the numbered pages.
        if (next > numbered || !at(next).includes('备考表'))
          problems.push(`${b.name} ${b.volume}: 第${next}页应为备考表`);
      }
      expect(problems).toEqual([]);
    });

    it('the seizure decision is catalogued by the title it bears', () => {
      const titles = bound.filter((b) => b.name === 'seizure').flatMap((b) => b.catalog.map((c) => c.title));
      expect(titles).toContain('查封决定书');
      expect(titles).not.toContain('查封(扣押)决定书');
    });
  });
}
