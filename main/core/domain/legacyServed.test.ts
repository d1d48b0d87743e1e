import { describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { openedCase } from '#core/testing/procedureCase.js';
import { replay } from './caseReducer.js';
import type { CaseEvent, CaseEventBody } from './events.js';
import { decisionServedOn, noticeServedOn } from './procedure/facts.js';

/** A log as the store keeps it (ids, sequence, hashes), of the case opened by the test helper. */
function log(bodies: CaseEventBody[]): CaseEvent[] {
  const opened = openedCase('2026-03-02');
  const open: CaseEventBody = {
    type: 'case.opened',
    payload: {
      number: opened.number,
      bureauId: opened.bureauId,
      procedure: opened.procedure,
      startNode: opened.node,
      party: opened.party,
      violation: opened.violation,
      officers: opened.officers,
      source: opened.source,
      summary: opened.summary,
      discoveredOn: opened.discoveredOn,
      filedOn: opened.filedOn,
    },
  };
  return [open, ...bodies].map(
    (b, i) =>
      ({
        ...b,
        id: `e${i + 1}`,
        caseId: 'case-1',
        seq: i + 1,
        actorId: 'u',
        actorName: '测试',
        device: 'd',
        hlc: String(i + 1),
        at: '2026-03-02T02:00:00.000Z',
        prevHash: i ? `h${i}` : '',
        hash: `h${i + 1}`,
      }) as CaseEvent,
  );
}

const doc = (id: string, type: string, fields: Record<string, string> = {}): CaseEventBody => ({
  type: 'document.generated',
  payload: {
    id,
    type,
    name: type,
    number: null,
    version: 1,
    docxHash: 'x',
    templateVersion: '1',
    generatedAt: '',
    generatedBy: '',
    fields,
  },
});
const receipt = (id: string, served: string, on: string) =>
  doc(id, 'service-receipt', { servedDocument: served, servedOn: on, serviceMethod: '直接送达', recipient: '王某' });
const acted = (
  action: string,
  data: Record<string, unknown>,
  on: string,
  more: { track?: string; serves?: string } = {},
): CaseEventBody => ({
  type: 'action.performed',
  payload: { action, from: 'x', to: null, approval: false, data, on, ...more },
});
const fromReceipt = (id: string, on: string) => ({
  servedOn: on,
  method: '直接送达',
  recipient: '王某',
  receiptId: id,
});
const trackStarted: CaseEventBody = {
  type: 'track.started',
  payload: {
    trackId: 'correction-1',
    procedure: { id: 'correction', version: '2026.1' },
    name: '责令改正',
    startNode: 'order',
    on: '2026-03-03',
  },
};
const orderServed = { servedOn: '2026-03-04', method: '直接送达', recipient: '王某', correctBy: '2026-04-04' };

/**
 * Written before served documents were named by type id (never rewritten, they are hash-chained):
 * receipts typed the Chinese name, the serve actions were known by id in the reducer, and a service
 * recorded by its own form typed the name in `servedDocument`.
 */
const oldLog = log([
  doc('n1', 'penalty-notice'),
  receipt('r1', '行政处罚事先告知书', '2026-03-10'),
  acted('serveNotice', fromReceipt('r1', '2026-03-10'), '2026-03-10'),
  trackStarted,
  acted('serveOrder', { servedDocument: '责令改正违法行为决定书', ...orderServed }, '2026-03-04', {
    track: 'correction-1',
  }),
  doc('d1', 'penalty-decision'),
  receipt('r2', '行政处罚决定书', '2026-04-03'),
  acted('serveDecision', fromReceipt('r2', '2026-04-03'), '2026-04-03'),
]);

/** The same case as written now: ids in the receipts, the served document in the event. */
const newLog = log([
  doc('n1', 'penalty-notice'),
  receipt('r1', 'penalty-notice', '2026-03-10'),
  acted('serveNotice', fromReceipt('r1', '2026-03-10'), '2026-03-10', { serves: 'penalty-notice' }),
  trackStarted,
  acted('serveOrder', orderServed, '2026-03-04', { track: 'correction-1', serves: 'correction-order' }),
  doc('d1', 'penalty-decision'),
  receipt('r2', 'penalty-decision', '2026-04-03'),
  acted('serveDecision', fromReceipt('r2', '2026-04-03'), '2026-04-03', { serves: 'penalty-decision' }),
]);

const service = (documentType: string, servedOn: string) => ({
  documentType,
  servedOn,
  method: '直接送达',
  recipient: '王某',
});

describe('a log written before served documents were named by id', () => {
  it('replays to the projection it gave before, with each served document as its type id', () => {
    const s = replay(oldLog)!;
    // Before: the same three services keyed 行政处罚事先告知书, 责令改正违法行为决定书, 行政处罚决定书.
    expect(s.services).toEqual([
      service('penalty-notice', '2026-03-10'),
      service('correction-order', '2026-03-04'),
      service('penalty-decision', '2026-04-03'),
    ]);
    expect(s.documents.filter((d) => d.type === 'service-receipt').map((d) => d.fields.servedDocument)).toEqual([
      'penalty-notice',
      'penalty-decision',
    ]);
    expect(noticeServedOn(s)).toBe('2026-03-10');
    expect(decisionServedOn(s)).toBe('2026-04-03');
    // The events' own data stays as recorded.
    expect(s.steps.find((x) => x.action === 'serveOrder')?.data.servedDocument).toBe('责令改正违法行为决定书');
  });

  it('gives what the same case written now gives, apart from the data the old form typed', () => {
    const withoutTypedName = (s: CaseState): CaseState => ({
      ...s,
      steps: s.steps.map(({ data: { servedDocument: _typed, ...data }, ...step }) => ({ ...step, data })),
    });
    expect(withoutTypedName(replay(oldLog)!)).toEqual(withoutTypedName(replay(newLog)!));
  });

  it('records a service by what the event says, whatever the action is called', () => {
    const s = replay(
      log([
        acted('deliverNotice', { servedOn: '2026-03-11', method: '邮寄送达' }, '2026-03-11', {
          serves: 'penalty-notice',
        }),
      ]),
    )!;
    expect(s.services).toEqual([
      { documentType: 'penalty-notice', servedOn: '2026-03-11', method: '邮寄送达', recipient: '' },
    ]);
  });
});
