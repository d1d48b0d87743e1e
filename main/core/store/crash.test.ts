import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../core.js';
import { replay } from '../domain/caseReducer.js';
import { verifyChain } from './eventLog.js';
import { runKillable } from '../testing/killableChild.js';

async function runAndKill(dir: string, afterReadyMs: number): Promise<void> {
  const run = await runKillable({
    script: 'main/core/testing/crashWorker.ts',
    args: [dir],
    killAfterReadyMs: afterReadyMs,
  });
  if (!run.killed) throw new Error(`worker ended without being killed: ${run.stderr}`);
}

describe('crash safety', () => {
  it('kill -9 in the middle of actions never leaves a half-written case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-crash-'));
    for (const ms of [150, 420]) await runAndKill(dir, ms);
    const core = await createCore({ dataDir: dir });
    try {
      const { db, cases } = core.services;
      const caseIds = (db.prepare('SELECT DISTINCT case_id AS id FROM case_events').all() as Array<{ id: string }>).map(
        (r) => r.id,
      );
      const projected = (db.prepare('SELECT id FROM cases').all() as Array<{ id: string }>).map((r) => r.id);
      expect(caseIds.length).toBeGreaterThan(5);
      expect(new Set(projected)).toEqual(new Set(caseIds));
      for (const id of caseIds) {
        const events = cases.log.forCase(id);
        expect(verifyChain(events).valid).toBe(true);
        expect(replay(events)).toEqual(cases.get(id));
        // Every blob a case refers to exists whole.
        for (const e of cases.get(id).evidence) expect(() => core.services.blobs.get(e.hash)).not.toThrow();
      }
      // Case numbers stay a gapless sequence: a rolled-back action gave its number back.
      const nums = (db.prepare('SELECT number FROM cases').all() as Array<{ number: string }>)
        .map((r) => Number(/〕(\d+)号/.exec(r.number)![1]))
        .sort((a, b) => a - b);
      expect(nums).toEqual(nums.map((_, i) => i + 1));
    } finally {
      await core.close();
    }
  }, 60_000);
});
