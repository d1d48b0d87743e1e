/**
 * Importing the 生态环境法典 (1,242 articles) into a fresh library through
 * laws.import, as the 法律法规 page sends it (file name and content): parse, check, store every
 * article in one transaction with the trigram index, check art. 1242 against repeals.json.
 * Each run is on a new data directory; the median of three is reported, like the other figures.
 * The text is not shipped (../shared/laws): without it the figure is n/a and MISS.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { callerFor } from '#core/testing/testCore.js';
import { sharedLawsDir } from '#core/testing/sharedLaws.js';
import { median, timeIt, type Figure } from './report.js';

const codeFile = '生态环境法典(2026-03-12).md';

export async function codeImportFigures(report: (f: Figure) => void): Promise<void> {
  const name = 'code-import';
  const target = { unit: 'ms', op: '<' as const, target: 3000 };
  const path = join(sharedLawsDir(), codeFile);
  if (!existsSync(path)) {
    report({ name, value: null, ...target, note: `${path} not found` });
    return;
  }
  const content = readFileSync(path, 'utf8');
  const times: number[] = [];
  let articles = 0;
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-law-'));
    const core = await createCore({ dataDir: dir, demo: true });
    try {
      const call = callerFor(core);
      const token = (await call(null, 'session.login', { username: 'reviewer', password: 'reviewer123' })).token;
      times.push(
        await timeIt(async () => {
          const r = await call(token, 'laws.import', { files: [{ name: codeFile, content }] });
          articles = r.results[0]?.articleCount ?? 0;
          if (r.added !== 1) throw new Error(`laws.import: ${JSON.stringify(r.results[0])}`);
        }),
      );
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report({
    name,
    value: median(times),
    ...target,
    note: `${articles} articles through laws.import into a fresh library (parse + store + FTS index), median of 3`,
  });
}
