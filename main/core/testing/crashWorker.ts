/**
 * Worker for the crash test: opens cases and performs actions as fast as it can until it is
 * killed with SIGKILL somewhere in the middle of a write.
 */
import { createCore } from '../core.js';
import { makePng } from './png.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crashWorker DIR');
const core = await createCore({ dataDir: dir, demo: true });
// biome-ignore lint/suspicious/noExplicitAny: a throwaway worker script; each reply is cast where it is used
const call = async (token: string | null, op: string, input: unknown): Promise<any> => {
  const r = await core.dispatch({ op, input, token });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value;
};
const officer = (await call(null, 'session.login', { username: 'officer', password: 'officer123' })).token as string;
const ents = (await call(officer, 'enterprises.search', { query: '', limit: 50 })) as Array<{ id: string }>;
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
for (let i = 0; ; i++) {
  const v = await call(officer, 'cases.open', {
    enterpriseId: ents[i % ents.length]!.id,
    violationId: 'water-over-standard-discharge',
    officerIds: ['off-01', 'off-02'],
    discoveredOn: today,
    filedOn: today,
    source: '投诉举报',
    summary: `崩溃测试案件 ${i}`,
    requestId: `crash-${process.pid}-${i}`,
  });
  await call(officer, 'evidence.add', {
    caseId: v.state.id,
    fileName: 'p.png',
    description: `照片 ${i}`,
    takenOn: today,
    contentBase64: makePng(8, 8, i % 3).toString('base64'),
  });
  if (i === 5) console.log('ready');
}
