/**
 * Child of the crash harness (crashHarness.ts): opens a copy of the prepared data directory, logs
 * in, prints `waiting` and waits for a line on stdin (the harness checks the previous directory
 * meanwhile), prints `ready`, runs one operation (crashOps.ts) to its end and prints `done`. The
 * harness kills it with SIGKILL somewhere on the way.
 *
 * Usage: crashChild.ts DATA_DIR OPERATION BASE_JSON
 */
import { readFileSync } from 'node:fs';
import { createCore } from '../core.js';
import { callerFor } from './testCore.js';
import { coreOptionsFor, crashOps, loginHead, type CrashBase, type CrashOpName } from './crashOps.js';

const [dir, opName, baseFile] = process.argv.slice(2);
if (!dir || !opName || !baseFile || !(opName in crashOps))
  throw new Error('usage: crashChild DATA_DIR OPERATION BASE_JSON');
const base = JSON.parse(readFileSync(baseFile, 'utf8')) as CrashBase;
const core = await createCore({ ...coreOptionsFor(base), dataDir: dir });
const call = callerFor(core);
const token = await loginHead(call);
console.log('waiting');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy();
console.log('ready');
const t0 = performance.now();
await crashOps[opName as CrashOpName].run({ call, token, base });
console.log(`done ${Math.round(performance.now() - t0)}`);
await core.close();
