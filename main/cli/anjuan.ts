/**
 * The CLI transport: `npm run anjuan -- <operation> '<json input>'` prints the result as JSON.
 *   npm run anjuan -- ops            lists the operations
 *   npm run anjuan -- ops --json     each operation's input and output as JSON Schema
 * Operations other than public ones log in first: --user NAME --password PW, or the environment
 * variables ANJUAN_USER / ANJUAN_PASSWORD. ANJUAN_DATA_DIR chooses the data directory; ANJUAN_DEMO=1
 * creates the demo bureau in an empty one (else the workstation waits for its first-run setup, setup.run).
 * A damaged database stops the core; `backup.list` and `backup.restore '{"id":…}'` then run offline, without a login.
 * Exit status: 0 success, 1 the operation failed (the error value is printed), 2 bad usage.
 */
import { operations, isOpName } from '#common/operations.js';
import { describeOperations } from './describe.js';
import { isJobOp } from '#common/jobs.js';
import { waitForJob } from './waitForJob.js';
import { createCore } from '#core/core.js';
import { resolveDataDir } from '../host/dataDir.js';
import { demoRequested } from '../host/demoEnv.js';
import { runOfflineBackup } from './offlineBackup.js'; // a damaged database: backup.list / backup.restore without the core

function takeFlag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

/**
 * Exits once stdout and stderr have taken everything written. Into a pipe Node writes asynchronously:
 * process.exit() straight away cut `ops --json | jq` at the pipe's 64 KB. A write's callback runs after
 * the writes queued before it, so the empty writes below wait for the whole output.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const user = takeFlag(args, '--user') ?? process.env.ANJUAN_USER;
  const password = takeFlag(args, '--password') ?? process.env.ANJUAN_PASSWORD;
  const [op, json] = args;
  if (!op || op === '--help' || op === 'help') {
    console.log(
      "用法：npm run anjuan -- <操作> '<JSON输入>' [--user 用户名 --password 密码]\n      npm run anjuan -- ops [--json]",
    );
    return op ? 0 : 2;
  }
  if (op === 'ops') {
    console.log(describeOperations(args.includes('--json')));
    return 0;
  }
  if (!isOpName(op)) {
    console.error(
      JSON.stringify({ code: 'UNKNOWN_OPERATION', message: `未知的操作：${op}（npm run anjuan -- ops 列出全部操作）` }),
    );
    return 2;
  }
  let input: unknown = {};
  try {
    input = json ? JSON.parse(json) : {};
  } catch {
    console.error(JSON.stringify({ code: 'VALIDATION', message: '输入不是有效的JSON' }));
    return 2;
  }
  const offline = await runOfflineBackup(op, input, resolveDataDir());
  if (offline !== null) return offline;
  const core = await createCore({ dataDir: resolveDataDir(), demo: demoRequested() });
  try {
    let token: string | null = null;
    if (operations[op].access !== 'public') {
      if (!user || !password) {
        console.error(
          JSON.stringify({
            code: 'NOT_AUTHENTICATED',
            message: '此操作需要登录：请提供 --user 和 --password（或 ANJUAN_USER / ANJUAN_PASSWORD）',
          }),
        );
        return 2;
      }
      const login = await core.dispatch({ op: 'session.login', input: { username: user, password }, transport: 'cli' });
      if (!login.ok) {
        console.log(JSON.stringify(login.error));
        return 1;
      }
      token = (login.value as { token: string }).token;
    }
    // transport 'cli': the one transport that may name files on this PC ({path} imports).
    const first = await core.dispatch({ op, input, token, transport: 'cli' });
    // An import answers with a job id: the CLI waits for the job and prints its result (waitForJob.ts).
    const reply = first.ok && isJobOp(op) ? await waitForJob((e) => core.dispatch(e), token, first.value) : first;
    if (token) await core.dispatch({ op: 'session.logout', input: {}, token, transport: 'cli' });
    console.log(JSON.stringify(reply.ok ? reply.value : reply.error, null, 2));
    return reply.ok ? 0 : 1;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).then(exitWhenFlushed, (e: unknown) => {
  console.error(JSON.stringify({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }));
  exitWhenFlushed(1);
});
