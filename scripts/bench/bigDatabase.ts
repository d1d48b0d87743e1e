/**
 * A data directory with many cases for the store figures: built with the store's own write path
 * (events + projections, hash chain) in large transactions, so it looks like years of real use.
 */
import { createCore } from '#core/core.js';
import type { CaseEventBody } from '#core/domain/events.js';
import { syntheticEnterprises } from '#core/seed/enterprises.js';

/** Where case `i` stands and under which 一般程序 version (the queue figures spread the cases over the steps). */
export interface BigDataShape {
  node?: (i: number) => string;
  version?: string;
}

export async function buildBigDataDir(
  dir: string,
  cases: number,
  eventsPerCase: number,
  shape: BigDataShape = {},
): Promise<void> {
  const core = await createCore({ dataDir: dir, demo: true });
  const { cases: store, db } = core.services;
  const ents = syntheticEnterprises(2000, 7);
  const violation = core.services.violations[1]!;
  const actor = { id: 'user-officer', name: '张伟', device: 'bench' };
  const batch = 500;
  for (let start = 0; start < cases; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(cases, start + batch); i++) {
        const e = ents[i % ents.length]!;
        store.write(`bench-${String(i).padStart(6, '0')}`, actor, () => {
          const bodies: CaseEventBody[] = [
            {
              type: 'case.opened',
              payload: {
                number: `黔东南环天立字〔${2020 + (i % 7)}〕${i + 1}号`,
                bureauId: 'bureau-qdn-tianzhu',
                procedure: { id: 'ordinary', version: shape.version ?? '2026.1' },
                startNode: shape.node?.(i) ?? 'investigation',
                party: {
                  enterpriseId: e.id,
                  name: e.name,
                  uscc: e.uscc,
                  legalRepresentative: e.legalRepresentative,
                  address: e.address,
                },
                violation: { ...violation },
                officers: [
                  {
                    id: 'off-01',
                    name: '张伟',
                    certificateNo: '贵环执字522627001',
                    certificateValidUntil: '2029-12-31',
                  },
                  {
                    id: 'off-02',
                    name: '李娜',
                    certificateNo: '贵环执字522627002',
                    certificateValidUntil: '2029-12-31',
                  },
                ],
                source: '现场检查',
                summary: '基准测试案件',
                discoveredOn: '2026-01-05',
                filedOn: '2026-01-05',
              },
            },
          ];
          for (let k = 1; k < eventsPerCase; k++) {
            bodies.push({
              type: 'evidence.added',
              payload: {
                id: `ev-${i}-${k}`,
                kind: 'photo',
                fileName: `p${k}.jpg`,
                mimeType: 'image/jpeg',
                hash: 'f'.repeat(64),
                size: 1000,
                description: `现场照片${k}`,
                takenOn: '2026-01-06',
                addedAt: '2026-01-06T02:00:00.000Z',
                addedBy: '张伟',
              },
            });
          }
          return bodies;
        });
      }
    })();
  }
  await core.close();
}
