/**
 * The provincial server for the sync bench, in a process of its own so that its memory is its own
 * (the bench's clients and workstation cores run in the parent): a test server (embedded PostgreSQL on
 * a temporary folder). Prints one JSON line `{ url, databaseUrl }`, stops cleanly on SIGTERM.
 */
import { startTestServer } from '../../server/testing/testServer.js';

const server = await startTestServer();
console.log(JSON.stringify({ url: server.url, databaseUrl: server.cluster.url, filesDir: server.filesDir }));
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
