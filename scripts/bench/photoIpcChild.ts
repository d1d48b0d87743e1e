/**
 * The IPC half of `npm run bench photos`, in a process of its own so that its memory is the core's and
 * the relay's alone: opens the data directory, reads every photo and thumbnail of the case through
 * ipc.ts → coreProcess.ts → utility.ts, prints `{ seconds, startMb, peakMb, files, bytes }` as JSON.
 *   node --import tsx scripts/bench/photoIpcChild.ts <dataDir> <token> <caseId> <hashes.json>
 */
import { readFileSync } from 'node:fs';
import { createCore } from '#core/core.js';
import { ipcRelay, peakRssDuring, readBackIpc, rssMb } from './photoLoad.js';

const [dataDir, token, caseId, hashesFile] = process.argv.slice(2);
if (!dataDir || !token || !caseId || !hashesFile)
  throw new Error('用法：photoIpcChild.ts <数据目录> <登录凭据> <案件标识> <哈希列表.json>');
const hashes = JSON.parse(readFileSync(hashesFile, 'utf8')) as string[];
const core = await createCore({ dataDir, demo: true });
const relay = ipcRelay(core);
const startMb = rssMb();
const t0 = performance.now();
const { result, peakMb } = await peakRssDuring(() => readBackIpc(relay, token, caseId, hashes));
console.log(
  JSON.stringify({
    seconds: (performance.now() - t0) / 1000,
    startMb,
    peakMb,
    files: result.files,
    bytes: result.bytes,
  }),
);
await core.close();
process.exit(0);
