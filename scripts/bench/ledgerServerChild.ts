/**
 * The provincial server for the ledger bench, in a process of its own so that its peak memory is the
 * export's, not the seeding's: the HTTP app on the database the parent seeded (ANJUAN_BENCH_DATABASE_URL).
 * Prints one JSON line `{ url }`; answers the IPC message 'usage' with its peak RSS (bytes) and CPU time (ms).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRssBytes } from './peakRss.js';
import { createPool } from '../../server/db/pool.js';
import { buildServer } from '../../server/app.js';

const pool = createPool(process.env.ANJUAN_BENCH_DATABASE_URL!);
const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-ledger-'));
const app = await buildServer({ pool, filesDir: join(dir, 'files'), updatesDir: join(dir, 'updates') });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
console.log(JSON.stringify({ url: `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}` }));
process.on('message', (m) => {
  if (m !== 'usage') return;
  const cpu = process.cpuUsage();
  process.send?.({ maxRss: peakRssBytes(), cpuMs: (cpu.user + cpu.system) / 1000 });
});
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
