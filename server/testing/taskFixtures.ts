/**
 * Test data for 现场检查任务: a small directory with every kind of enterprise a rule can pick or leave
 * out (industries, key polluters of two categories, last inspections on both sides of a date), published
 * as the province publishes it, and dates relative to the server's today.
 */
import { defaultDirectoryHeader, type CreateTaskInput } from '#common/sync/fieldTasks.js';
import { addDays, chinaDate } from '#core/domain/dates.js';
import { makeUscc } from '#core/seed/enterprises.js';
import { seededRandom } from '#core/seed/random.js';
import type { TestServer } from './testServer.js';

export const taskHeader = [...defaultDirectoryHeader, '最近检查日期'];

export interface TestEnterprise {
  uscc: string;
  name: string;
  county: string;
  industry: string;
  keyPolluter: string;
  lastInspectedOn: string;
}

const industries = ['C2614', 'C1311', 'C3021', 'B1019', 'O8111', 'C2631'];
const keyPolluters = ['否', '水环境', '否', '大气环境', '否', '水环境、大气环境', ''];
const lastInspections = ['', '2025-03-01', '2026-07-01', '2026-11-20', '', '2024-12-31', '2026-05-31'];

export function taskDirectory(counties: readonly string[], perCounty: number, seed = 7): TestEnterprise[] {
  const rnd = seededRandom(seed);
  const out: TestEnterprise[] = [];
  for (const county of counties)
    for (let i = 0; i < perCounty; i++)
      out.push({
        uscc: makeUscc(rnd, county),
        name: `测试${county}第${i + 1}号企业有限公司`,
        county,
        industry: industries[i % industries.length]!,
        keyPolluter: keyPolluters[i % keyPolluters.length]!,
        lastInspectedOn: lastInspections[(i * 3) % lastInspections.length]!,
      });
  return out;
}

export function directoryPayload(list: readonly TestEnterprise[]): { header: string[]; rows: string[][] } {
  return {
    header: taskHeader,
    rows: list.map((e) => [
      e.name,
      e.uscc,
      '张三',
      `贵州省${e.county}某路1号`,
      e.county,
      e.industry,
      '',
      '',
      '',
      e.keyPolluter,
      e.lastInspectedOn,
    ]),
  };
}

export async function publishDirectory(
  s: TestServer,
  provinceToken: string,
  list: readonly TestEnterprise[],
  version: string,
): Promise<void> {
  const r = await s.request('POST', '/api/admin/reference', {
    token: provinceToken,
    body: { kind: 'enterprises', version, payload: directoryPayload(list) },
  });
  if (r.status !== 201) throw new Error(`publish failed: ${JSON.stringify(r.body)}`);
}

export const serverToday = (): string => chinaDate(new Date());

let n = 0;
export function taskInput(over: Partial<CreateTaskInput> = {}): CreateTaskInput {
  n++;
  return {
    submissionId: `submission-${Date.now()}-${n}`,
    name: `2026年第${n}批双随机抽查`,
    periodFrom: serverToday(),
    periodTo: addDays(serverToday(), 30),
    counties: ['520102'],
    rules: { industries: [], keyPolluter: { mode: 'any', categories: [] }, lastInspectedBefore: null },
    perCounty: 3,
    ...over,
  };
}
