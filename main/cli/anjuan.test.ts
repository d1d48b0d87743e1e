/**
 * The CLI piped into another program, as scripts use it (`npm run -s anjuan -- ops --json | jq`):
 * the reader gets the whole output however slowly it reads. Exiting before stdout drained cut it at
 * the pipe's 64 KB. A real shell pipe (not Node's socket pair), and a reader that waits before reading.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opNames } from '#common/operations.js';
import { appRoot } from '#core/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'anjuan-cli-pipe-'));
const reader = join(dir, 'reader.cjs');
// Sleeps first so the pipe fills, then reads stdin to its end and reports what arrived.
writeFileSync(
  reader,
  `setTimeout(() => {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', () => process.stdout.write(JSON.stringify({ bytes: Buffer.concat(chunks).length, text: Buffer.concat(chunks).toString('utf8') })));
}, 1500);
`,
);

/** What the reader got, and the CLI's stderr (a pipeline's own status is the reader's, so not returned). */
function pipeCli(args: string): { received: { bytes: number; text: string }; stderr: string } {
  const cli = `"${process.execPath}" --import tsx "${join(appRoot(), 'main', 'cli', 'anjuan.ts')}" ${args}`;
  const run = spawnSync(`${cli} | "${process.execPath}" "${reader}"`, {
    shell: true,
    cwd: appRoot(),
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ANJUAN_DATA_DIR: join(dir, 'data') },
  });
  return {
    received: JSON.parse(run.stdout || '{"bytes":0,"text":""}') as { bytes: number; text: string },
    stderr: run.stderr,
  };
}

describe('the CLI into a pipe', () => {
  it('ops --json arrives whole, well beyond 64 KB, and parses', () => {
    const { received, stderr } = pipeCli('ops --json');
    expect(stderr).toBe('');
    expect(received.bytes).toBeGreaterThan(64 * 1024 * 2);
    const all = JSON.parse(received.text) as Record<string, unknown>;
    expect(Object.keys(all).sort()).toEqual([...opNames].sort());
  });

  it('an error exit still delivers its message and its status', () => {
    // Exit status 2 (bad usage) after writing to stderr: the message is not lost to the early exit.
    const cli = `"${process.execPath}" --import tsx "${join(appRoot(), 'main', 'cli', 'anjuan.ts')}" no.such.op`;
    const run = spawnSync(cli, { shell: true, cwd: appRoot(), encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({
      code: 'UNKNOWN_OPERATION',
      message: expect.stringContaining('未知的操作：no.such.op'),
    });
  });
});
