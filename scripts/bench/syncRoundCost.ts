/**
 * What one workstation's round costs the server, request by request, with nothing else running at the
 * same time: CPU seconds of the server's Node and its PostgreSQL around each request (read from /proc),
 * so the figure hardly depends on the machine's load, unlike the 500-device burst's latency.
 * `npx tsx scripts/bench/syncRoundCost.ts [rounds]`
 */
import { chain, opened } from '../../server/testing/fixtures.js';
import { testAdminPassword } from '../../server/testing/testServer.js';
import { addUser, code, req, startServer, stopServer, treeCpuSeconds, usersAsDesk } from './sync.js';

const rounds = Number(process.argv[2] ?? 300);
const county = '522627';
const s = await startServer();
try {
  const province = (
    await req(s.url, 'POST', '/api/admin/login', { body: { username: 'admin', password: testAdminPassword } })
  ).token as string;
  const officer = await addUser(s.url, province, county, 'cost.officer', ['officer'], '贵环执字5226279001');
  const e = await req(s.url, 'POST', '/api/enrol', { body: { code: await code(s.url, province), deviceName: '测' } });
  const block = await req(s.url, 'POST', '/api/sync/number-block', {
    token: e.credential,
    body: { kind: 'case', year: 2026, size: rounds + 10 },
  });
  const cpu = { users: 0, push: 0, pull: 0 };
  const node = { users: 0, push: 0, pull: 0 };
  const measured = async (step: keyof typeof cpu, run: () => Promise<unknown>) => {
    const a = treeCpuSeconds(s.child.pid!);
    await run();
    const b = treeCpuSeconds(s.child.pid!);
    cpu[step] += b.total - a.total;
    node[step] += b.own - a.own;
  };
  let cursor = 0;
  // As a workstation: the first round takes the whole list, the next ones send its ETag back (304 while unchanged).
  let usersEtag: string | null = null;
  for (let i = 0; i < rounds; i++) {
    await measured('users', async () => {
      usersEtag = await usersAsDesk(s.url, e.credential, usersEtag);
    });
    const caseId = `cost-${i}`;
    const events = chain(caseId, { id: officer, name: '测' }, [opened(`县环罚〔2026〕${block.start + i}号`)]);
    await measured('push', () =>
      req(s.url, 'POST', '/api/sync/push', {
        token: e.credential,
        body: { mutations: [{ mutationId: i + 1, caseId, events }] },
      }),
    );
    await measured('pull', async () => {
      cursor = (
        await req(s.url, 'GET', `/api/sync/pull?cursor=${cursor}&refCursor=0&limit=500`, { token: e.credential })
      ).cursor;
    });
  }
  const ms = (x: number) => ((x * 1000) / rounds).toFixed(2);
  for (const k of ['users', 'push', 'pull'] as const)
    console.log(`${k}: ${ms(cpu[k])} ms CPU a request (Node ${ms(node[k])}, PostgreSQL ${ms(cpu[k] - node[k])})`);
  const all = cpu.users + cpu.push + cpu.pull;
  console.log(`round: ${ms(all)} ms CPU in the server over ${rounds} rounds`);
} finally {
  await stopServer(s);
}
