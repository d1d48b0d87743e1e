/**
 * Property: whatever sequence of lawful actions users take — on the main procedure and on any
 * tracks they start — the case never reaches a state the law forbids.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockingReasons, evaluateCase, startableTracks, trackOf } from './engine.js';
import {
  act,
  allDefinitions,
  calendar,
  evalCtx,
  openedCase,
  versionsOf,
  startTrack,
  withDocument,
  withPhoto,
} from '#core/testing/procedureCase.js';
import { sampleActionData } from '#core/testing/actionData.js';
import type { Role } from '#common/roles.js';
import type { CaseState } from '#common/schemas/cases.js';
import { noticeServedOn } from './facts.js';

const roles: Role[] = ['officer', 'reviewer', 'head'];

function invariants(s: CaseState): void {
  const served = noticeServedOn(s);
  if (s.decision?.kind === 'penalty' && s.decision.approvedOn) {
    // 告知 before the decision (arts. 44, 62), and the defence window over, waived or heard (arts. 45, 63–64).
    expect(served).not.toBeNull();
    expect(served! <= s.decision.approvedOn).toBe(true);
    const heard = s.steps.some((x) => x.action === 'finishHearing');
    const waived = s.defence.statements.some((x) => x.waived);
    expect(heard || waived || s.decision.approvedOn > calendar.addWorkingDays(served!, 5).dueOn).toBe(true);
  }
  // Defending never raises the penalty (art. 45(2)).
  if (s.noticedFine != null && s.defence.statements.length && s.decision?.kind === 'penalty')
    expect(s.decision.fine).toBeLessThanOrEqual(s.noticedFine);
  // A decision is served only once sealed (处罚法 art. 59(2)).
  if (s.services.some((x) => x.documentType === 'penalty-decision'))
    expect(s.documents.some((d) => d.type === 'penalty-decision' && d.finalised)).toBe(true);
  // A case approved for 结案 has no track still running.
  if (s.steps.some((x) => x.action === 'approveClosing')) expect(s.tracks.every((t) => t.endedOn)).toBe(true);
  // Every track stands on a node of its own definition.
  for (const t of s.tracks) expect(trackOf(s, t.id, allDefinitions).def.nodes.some((n) => n.id === t.node)).toBe(true);
}

describe('property: no sequence of allowed actions reaches a state the law forbids', () => {
  // Every shipped version of 一般程序 from 2026.2 on (the walk expects its hearing and tracks), so a new one is walked too.
  it.each(versionsOf('ordinary', '2026.2'))(
    'holds across the main procedure $version and its tracks',
    (ordinaryVersion) => {
      const reached = new Set<string>();
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(50), fc.nat(12), fc.nat(9)), { minLength: 30, maxLength: 80 }),
          fc.integer({ min: 10, max: 99 }),
          (moves, f) => {
            const fine = f * 10000;
            let s = openedCase('2026-03-02', ordinaryVersion);
            let today = '2026-03-02';
            for (const [c, days, mode] of moves) {
              today = calendar.addCalendarDays(today, days % 3).dueOn;
              // Every document and evidence is made available, so only the rules of order and time decide.
              for (const type of ordinaryVersion.nodes.find((n) => n.id === s.node)!.documents) {
                const servedDocument = s.node === 'notice.service' ? '行政处罚事先告知书' : '行政处罚决定书';
                const have = s.documents.some(
                  (d) => d.type === type && (type !== 'service-receipt' || d.fields.servedDocument === servedDocument),
                );
                if (!have)
                  s = withDocument(
                    s,
                    type,
                    { servedDocument: s.node === 'notice.service' ? '行政处罚事先告知书' : '行政处罚决定书' },
                    type === 'service-receipt' ? null : `${type}-1`,
                  );
              }
              if (s.node === 'investigation' && !s.evidence.length) s = withPhoto(s);
              // The payment voucher is filed once paid (the closing legality review checks the execution record).
              if (s.node === 'closing.draft' && !s.evidence.some((e) => e.kind === 'execution') && s.evidence[0]) {
                s = {
                  ...s,
                  evidence: [
                    ...s.evidence,
                    { ...s.evidence[0], id: 'voucher', kind: 'execution', description: '缴款凭证' },
                  ],
                };
              }
              // 定稿 once approved: only the sealed decision may be served (处罚法 art. 59(2)).
              if (s.node === 'service' && mode % 2 === 0) {
                s = {
                  ...s,
                  documents: s.documents.map((d) =>
                    d.type === 'penalty-decision' && !d.finalised
                      ? {
                          ...d,
                          finalised: {
                            at: `${today}T02:00:00.000Z`,
                            by: '测试',
                            docxSha256: 'f'.repeat(64),
                            pdfHash: 'f'.repeat(64),
                            pages: 1,
                          },
                        }
                      : d,
                  ),
                };
              }
              const ctx = evalCtx(today, roles);
              const v = evaluateCase(ordinaryVersion, s, ctx);
              const moves = (id: string) => {
                const a = ordinaryVersion.actions.find((x) => x.id === id);
                return Boolean(a && (a.to || a.next));
              };
              const options = [
                ...v.actions
                  .filter((a) => a.allowed && moves(a.id))
                  .map((a) => ({ kind: 'act' as const, track: 'main', id: a.id, form: a.form })),
                ...v.actions
                  .filter((a) => a.allowed && !moves(a.id))
                  .map((a) => ({ kind: 'act' as const, track: 'main', id: a.id, form: a.form })),
                ...v.tracks.flatMap((t) =>
                  t.actions
                    .filter((a) => a.allowed)
                    .map((a) => ({ kind: 'act' as const, track: t.id, id: a.id, form: a.form })),
                ),
                ...startableTracks(s, ctx)
                  .filter((x) => x.allowed)
                  .map((x) => ({ kind: 'start' as const, track: '', id: x.procedure, form: null })),
              ];
              // Mostly the first lawful step that moves the case (the definition lists the forward step first), sometimes any other.
              // Steps that end the case at once (终结, 销案, 不予立案) are taken rarely, so that walks get far.
              const pool =
                c === 0
                  ? options
                  : options.filter((o) => !['terminate', 'withdrawFiling', 'decideNotToFile'].includes(o.id));
              const pick = mode < 7 ? pool[0] : pool[c % Math.max(pool.length, 1)];
              if (!pick) continue;
              if (pick.kind === 'start') {
                s = startTrack(s, pick.id, today);
                invariants(s);
                continue;
              }
              const def = trackOf(s, pick.track, allDefinitions).def;
              const data =
                pick.id === 'serveNotice' || pick.id === 'serveDecision'
                  ? { servedOn: today }
                  : sampleActionData(pick.form, today, s.noticedFine ?? fine);
              const refused = blockingReasons(
                def,
                s,
                def.actions.find((a) => a.id === pick.id)!,
                ctx,
                data,
                pick.track,
              );
              if (refused.length) continue;
              s = act(s, pick.id, data, today, pick.track);
              reached.add(pick.id);
              invariants(s);
            }
          },
        ),
        { numRuns: 200 },
      );
      // The walk must actually get far: otherwise the property says nothing.
      expect([...reached]).toEqual(
        expect.arrayContaining([
          'approveDecision',
          'serveDecision',
          'requestHearing',
          'finishHearing',
          'approveClosing',
          'implementSeizure',
          'recordRecheck',
        ]),
      );
    },
  );
});
