import { describe, expect, it } from 'vitest';
import { loadBenchmark } from '#core/services.js';
import { evidenceChecklist, presentTokens } from './missingEvidence.js';

const benchmark = loadBenchmark();
const entry = (id: string) => benchmark.violations.find((v) => v.id === id)!;

describe('evidence still missing for a violation type', () => {
  it('lists 违法证据 and 裁量证据, and ticks what the case records provide', () => {
    const present = presentTokens([{ type: 'inspection-record' }, { type: 'interview-record' }], [{ kind: 'photo' }]);
    const items = evidenceChecklist(benchmark, entry('water-over-standard-discharge'), present);
    const byName = (name: string) => items.find((i) => i.name.startsWith(name))!;
    expect(byName('现场检查(勘察)笔录')).toMatchObject({
      kind: '违法证据',
      present: true,
      matchedBy: ['inspection-record'],
    });
    expect(byName('现场照片、视频')).toMatchObject({ present: true, matchedBy: ['photo'] });
    expect(byName('监测报告')).toMatchObject({ kind: '违法证据', present: false });
    expect(byName('营业执照')).toMatchObject({ present: false, satisfiedBy: [] });
    // The monitoring report is listed once, as 违法证据, although the 超标倍数 factor needs it too.
    expect(items.filter((i) => i.id === 'monitoring-report')).toHaveLength(1);
    const discretion = items.filter((i) => i.kind === '裁量证据');
    expect(discretion.map((i) => i.factor)).toEqual(
      expect.arrayContaining(['整改情况', '再次违法', '违法行为持续时间']),
    );
    expect(discretion.find((i) => i.id === 'prior-decisions')).toMatchObject({ factor: '再次违法', present: false });
  });

  it('counts a piece the officer ticked by its id, and a sampling record as the monitoring report', () => {
    const items = evidenceChecklist(benchmark, entry('air-over-standard-emission'), ['business-licence', 'sampling']);
    expect(items.find((i) => i.id === 'business-licence')!.present).toBe(true);
    expect(items.find((i) => i.id === 'monitoring-report')).toMatchObject({ present: true, matchedBy: ['sampling'] });
  });

  it('names every factor a shared piece of 裁量证据 serves', () => {
    const items = evidenceChecklist(benchmark, entry('permit-ledger-missing'), []);
    expect(items.find((i) => i.id === 'interview')!.kind).toBe('违法证据');
    const ledger = items.filter((i) => i.id === 'ledger-copy');
    expect(ledger).toHaveLength(1);
  });
});
