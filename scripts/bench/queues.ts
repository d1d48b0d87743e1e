/**
 * Each role's own work first, with 10,000 cases: the head's queues, a filtered case list, 到期提醒 and
 * saving a draft, each through dispatch on a database built like years of use (bigDatabase.ts: 20
 * events a case, the cases spread over the steps of 一般程序 2026.2).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operations } from '#common/operations.js';
import { createCore } from '#core/core.js';
import { callerFor } from '#core/testing/testCore.js';
import { buildBigDataDir } from './bigDatabase.js';
import { median, timeIt, type Figure } from './report.js';

/** Steps of 一般程序 2026.2 the cases stand at: most under investigation, some waiting for a reviewer or the head. */
const nodes = [
  'investigation',
  'investigation',
  'report',
  'review',
  'filing.review',
  'notice.service',
  'legalReview',
  'decision.review',
  'execution',
  'closing.review',
];

async function repeat(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(0); // the first call warms the statement cache
  for (let i = 0; i < n; i++) times.push(await timeIt(() => fn(i)));
  return median(times);
}

export async function queueFigures(report: (f: Figure) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-queues-'));
  try {
    const t0 = performance.now();
    await buildBigDataDir(dir, 10_000, 20, { node: (i) => nodes[i % nodes.length]!, version: '2026.2' });
    console.log(`# built 10,000 cases / 200,000 events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const core = await createCore({ dataDir: dir, demo: true });
    try {
      const call = callerFor(core);
      const login = async (username: string, password: string) =>
        (await call(null, 'session.login', { username, password })).token;
      const head = await login('head', 'head123');
      const officer = await login('officer', 'officer123');

      const queues = await repeat(20, () => call(head, 'queues.mine', {}));
      const counts = await repeat(20, () => call(head, 'queues.counts', {}));
      report({
        name: 'queues-10k',
        value: queues,
        unit: 'ms',
        op: '<',
        target: 50,
        note: `queues.mine as the head (待我审批 + 我的案件, 50 rows each); queues.counts ${counts.toFixed(1)} ms`,
      });

      const filters = [
        { state: 'open' as const, node: 'decision.review' },
        { state: 'open' as const, query: '天柱' },
        { state: 'closed' as const },
        { state: 'open' as const, node: 'review', query: '〔2023〕' },
      ];
      const asHead = await repeat(30, (i) => call(head, 'cases.list', { ...filters[i % filters.length]!, limit: 50 }));
      const asOfficer = await repeat(30, (i) =>
        call(officer, 'cases.list', { ...filters[i % filters.length]!, limit: 50 }),
      );
      report({
        name: 'case-list-filtered-10k',
        value: Math.max(asHead, asOfficer),
        unit: 'ms',
        op: '<',
        target: 30,
        note: `by state, step and 案号/当事人 text; head ${asHead.toFixed(1)} ms, officer ${asOfficer.toFixed(1)} ms`,
      });

      let rows = 0;
      const overview = await repeat(10, async () => {
        rows = (await call(head, 'deadlines.overview', {})).rows.length;
      });
      report({
        name: 'deadlines-overview-10k',
        value: overview,
        unit: 'ms',
        op: '<',
        target: 200,
        note: `到期提醒 as the head: ${rows} deadlines overdue or due soon`,
      });

      if ('drafts.save' in operations) {
        const values = { facts: '现场检查发现'.repeat(200), proposedFine: 23_700, reasoning: '依法裁量'.repeat(100) };
        const save = await repeat(30, (i) =>
          call(officer, 'drafts.save', {
            caseId: 'bench-000000',
            form: 'action:submitReport@main',
            values: { ...values, n: i },
          }),
        );
        report({
          name: 'draft-save',
          value: save,
          unit: 'ms',
          op: '<',
          target: 20,
          note: 'drafts.save of a 调查报告 form',
        });
      } else {
        report({ name: 'draft-save', value: null, unit: 'ms', op: '<', target: 20, note: 'drafts not built yet' });
      }
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
