/**
 * A case written straight into the store at a chosen node (its opening event starts it there), for
 * tests of what reads across cases show: the queues, 到期提醒. Walking each case there through the
 * operations would make every such test a whole scenario; the read side cannot tell the difference.
 */
import type { CaseEventBody } from '#core/domain/events.js';
import type { Services } from '#core/services.js';

const demoOfficers = {
  'off-01': { name: '张伟', certificateNo: '贵环执字522627001' },
  'off-02': { name: '李娜', certificateNo: '贵环执字522627002' },
  'off-03': { name: '王强', certificateNo: '贵环执字522627003' },
  'off-04': { name: '杨建国', certificateNo: '贵环执字522627004' },
} as const;

export interface PlacedCase {
  id: string;
  number: string;
  node: string;
  procedure?: { id: string; version: string };
  officerIds?: Array<keyof typeof demoOfficers>;
  filedOn?: string;
  partyName?: string;
}

export function openedBody(c: PlacedCase): CaseEventBody {
  const filedOn = c.filedOn ?? '2026-03-02';
  return {
    type: 'case.opened',
    payload: {
      number: c.number,
      bureauId: 'bureau-qdn-tianzhu',
      procedure: c.procedure ?? { id: 'ordinary', version: '2026.2' },
      startNode: c.node,
      party: {
        enterpriseId: 'ent-test',
        name: c.partyName ?? '天柱县某某砂石有限公司',
        uscc: '91522627MA6DLX3K0A',
        legalRepresentative: '王某',
        address: '天柱县凤城镇',
      },
      violation: {
        id: 'air-over-standard-emission',
        name: '超标排放大气污染物',
        breached: [],
        penaltyArticle: { law: '《中华人民共和国大气污染防治法》', article: '第九十九条' },
        band: { kind: 'range', min: 100000, max: 1000000 },
        penaltyText: '',
      },
      officers: (c.officerIds ?? ['off-01', 'off-02']).map((id) => ({
        id,
        ...demoOfficers[id],
        certificateValidUntil: '2029-12-31',
      })),
      source: '现场检查',
      summary: '测试案件',
      discoveredOn: filedOn,
      filedOn,
      partyKind: 'organisation',
      violationOn: null,
      continuing: false,
    },
  } as CaseEventBody;
}

/** Writes the case through the store's own path (events, projection and its rows in one transaction). */
export function placeCase(services: Services, c: PlacedCase): string {
  services.cases.write(c.id, { id: 'user-officer', name: '张伟', device: 'test' }, () => [openedBody(c)]);
  return c.id;
}
