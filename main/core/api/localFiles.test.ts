/**
 * “files on the PC can be read through the API”: the `{path}` form of enterprises.import,
 * laws.import and discretion.import is accepted only from the CLI. The web host (and the IPC relay,
 * main/app/ipc.test.ts, main/host/utility.test.ts) stamp their own transport over whatever the page
 * sent, so a page cannot claim to be the CLI. No error shows an absolute path or quotes a file that
 * was not uploaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { startTestWebHost } from '../../host/testWebHost.js';
import { syntheticDirectory } from '../seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '../seed/directoryFile.js';
import { appRoot } from '../paths.js';

let t: TestCore;
let head: string;
let server: Server;
let url: string;

beforeAll(async () => {
  t = await createTestCore();
  head = await t.login('head');
  ({ server, url } = await startTestWebHost(t));
});
afterAll(async () => {
  server.close();
  await t.close();
});

/** A secret-looking file outside the data directory: its first line must never come back. */
const secretDir = mkdtempSync(join(tmpdir(), 'anjuan-secret-'));
const secret = join(secretDir, 'shadow');
writeFileSync(secret, 'root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n');
const firstLine = 'root:$6$saltsalt';
const passwdFirstLine = existsSync('/etc/passwd')
  ? readFileSync('/etc/passwd', 'utf8').split('\n')[0]!.slice(0, 10)
  : 'root:x:0:0';

async function viaWeb(
  op: string,
  input: unknown,
  extra: Record<string, unknown> = {},
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(`${url}api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ op, input, token: head, ...extra }),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

const pathInputs: Array<[string, Record<string, unknown>]> = [
  ['enterprises.import', { path: '/etc/passwd' }],
  ['enterprises.import', { path: secret }],
  ['laws.import', { path: '/etc' }],
  ['discretion.import', { path: '/etc/passwd' }],
];

describe('a path through the web host', () => {
  it('is refused in Chinese for each import, also when the page claims to be the CLI', async () => {
    for (const [op, input] of pathInputs) {
      for (const extra of [{}, { transport: 'cli' }]) {
        const r = await viaWeb(op, input, extra);
        expect(r.ok, `${op} ${JSON.stringify(extra)}`).toBe(false);
        expect(r.error).toMatchObject({
          code: 'VALIDATION',
          message: expect.stringMatching(/只有命令行.*可以按路径读取本机上的文件/),
        });
        const text = JSON.stringify(r);
        expect(text).not.toContain('/etc');
        expect(text).not.toContain(secretDir);
        expect(text).not.toContain(firstLine);
        expect(text).not.toContain(passwdFirstLine);
      }
    }
  });

  it('uploading the content still works from the web', async () => {
    const csv = encodeCsv(directoryCsvText(syntheticDirectory(3, { seed: 11 }).rows), 'utf-8');
    const started = await viaWeb('enterprises.import', { fileName: '名录.csv', contentBase64: csv.toString('base64') });
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    // The import is a job: follow it through jobs.get, as the page does.
    const { jobId } = started.value as { jobId: string };
    let r = await viaWeb('jobs.get', { jobId });
    while ((r.value as { state: string }).state === 'running') r = await viaWeb('jobs.get', { jobId });
    expect(r).toMatchObject({ ok: true, value: { state: 'done', result: { added: 3 } } });
  });

  it('a core called with no transport (a script) does not read paths either', async () => {
    expect(await expectFailure(t.call(head, 'laws.import', { path: '/etc' }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/只有命令行/),
    });
  });
});

describe('a path from the CLI', () => {
  it('is read; errors name the file, never its folder on the disk, and never quote a file read by path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anjuan-cli-')), '名录.csv');
    writeFileSync(file, encodeCsv(directoryCsvText(syntheticDirectory(4, { seed: 5 }).rows), 'utf-8'));
    expect(await t.cli(head, 'enterprises.import', { path: file })).toMatchObject({ fileName: '名录.csv', added: 4 });

    // Not a directory: the report says so without its first line.
    const report = await t.cli(head, 'enterprises.import', { path: secret });
    expect(report.fileProblems).toEqual([
      expect.stringMatching(/^缺少必需的列：单位名称、统一社会信用代码。文件前\d+行中没有可识别的表头/),
    ]);
    expect(JSON.stringify(report)).not.toContain(firstLine);
    // The same content uploaded by the user may be shown back to them.
    const uploaded = await t.cli(head, 'enterprises.import', {
      fileName: 'mine.csv',
      contentBase64: readFileSync(secret).toString('base64'),
    });
    expect(uploaded.fileProblems[0]).toContain('root:$6$saltsalt');

    const errors = [
      await expectFailure(t.cli(head, 'enterprises.import', { path: `${secret}.missing` })),
      await expectFailure(t.cli(head, 'laws.import', { path: '/etc' })),
      await expectFailure(t.cli(head, 'laws.import', { path: join(secretDir, 'no-such-folder') })),
      await expectFailure(t.cli(head, 'discretion.import', { path: '/etc/passwd' })),
      await expectFailure(t.cli(head, 'discretion.import', { path: join(secretDir, 'nope.xlsx') })),
    ];
    expect(errors.map((e) => e.message)).toEqual([
      '找不到文件：shadow.missing',
      '文件夹中没有 .md 文件：etc',
      '找不到文件夹：no-such-folder',
      '只能导入 .xlsx 或 .csv 文件：passwd',
      '找不到文件或文件夹：nope.xlsx',
    ]);
    for (const e of errors) {
      expect(JSON.stringify(e)).not.toContain('/etc');
      expect(JSON.stringify(e)).not.toContain(secretDir);
    }
  });

  it('the real CLI (npm run anjuan) sends transport cli: a path is read', () => {
    const data = mkdtempSync(join(tmpdir(), 'anjuan-cli-data-'));
    const file = join(mkdtempSync(join(tmpdir(), 'anjuan-cli-')), '名录.csv');
    writeFileSync(file, encodeCsv(directoryCsvText(syntheticDirectory(2, { seed: 9 }).rows), 'gbk'));
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(appRoot(), 'main/cli/anjuan.ts'),
        'enterprises.import',
        JSON.stringify({ path: file }),
        '--user',
        'head',
        '--password',
        'head123',
      ],
      {
        cwd: appRoot(),
        encoding: 'utf8',
        env: { ...process.env, ANJUAN_DATA_DIR: data, ANJUAN_DEMO: '1' },
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ fileName: '名录.csv', added: 2 });
  }, 90_000);
});
