/**
 * A 送达回证 serves the document chosen by id: with two 责令改正违法行为决定书 on file (two rounds of
 * 按日连续处罚, each with its own 文号), a receipt by type alone is refused with both numbers, and each
 * receipt prints the 文号 of the one it serves — both stay on file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supersededIds } from '#common/documentSlots.js';
import type { DocumentRecord } from '#common/schemas/cases.js';
import { docxText } from '../documents/render.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';

let t: TestCore;
let officer: string;
let head: string;
beforeEach(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  head = await t.login('head');
});
afterEach(async () => t.close());

const track = 'dailyPenalty-1';

/** A case at its decision with 按日连续处罚 started on 2026-03-02; `gen` makes a document on that track. */
async function atDailyPenalty(typedOn: string) {
  t.clock.setDate('2026-03-02');
  const caseId = (await openCase(t, officer)).state.id;
  t.core.services.db
    .prepare("UPDATE cases SET state = json_set(state, '$.node', 'decision.draft') WHERE id = ?")
    .run(caseId);
  await t.call(officer, 'cases.startTrack', { caseId, procedure: 'dailyPenalty' });
  const templates = await t.call(officer, 'templates.list', {});
  const tpl = (id: string) => templates.find((x) => x.id === id)!;
  const gen = (type: string, fields: Record<string, string> = {}) =>
    t.call(officer, 'documents.generate', {
      caseId,
      type,
      track,
      fields: { ...sampleFields(tpl(type), { today: typedOn }), ...fields },
    });
  return { caseId, gen };
}

describe('送达回证 by the served document’s id', () => {
  it('names the chosen one of two 责令改正违法行为决定书, and refuses a type that fits both', async () => {
    const { caseId, gen } = await atDailyPenalty('2026-03-12');

    const first = await gen('correction-order');
    await t.call(officer, 'cases.act', {
      caseId,
      track,
      action: 'serveCorrectionOrder',
      data: {
        servedDocument: '责令改正违法行为决定书',
        servedOn: '2026-03-02',
        method: '直接送达',
        recipient: '王某',
        correctBy: '2026-03-02',
      },
    });
    t.clock.setDate('2026-03-10');
    await t.call(officer, 'cases.act', {
      caseId,
      track,
      action: 'recordRecheck',
      data: { recheckOn: '2026-03-10', corrected: false, covert: true, findings: '仍超标' },
    });
    await gen('daily-penalty-decision');
    await t.call(head, 'cases.act', { caseId, track, action: 'decideDailyPenalty', data: { originalFine: 100000 } });
    t.clock.setDate('2026-03-12');
    const second = await gen('correction-order');
    expect(second.number).not.toBe(first.number);

    const byType = await expectFailure(gen('service-receipt', { servedDocument: 'correction-order' }));
    expect(byType.message).toBe(
      `本案有2份责令改正违法行为决定书（${first.number}、${second.number}），请选择送达的是哪一份`,
    );
    expect(byType.details).toEqual(['servedDocument']);

    const text = async (d: DocumentRecord) =>
      docxText(Buffer.from((await t.call(officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64'));
    const toFirst = await gen('service-receipt', { servedDocument: first.id });
    expect(toFirst.fields).toMatchObject({ servedDocument: 'correction-order', servedDocumentId: first.id });
    expect(await text(toFirst)).toContain(first.number!);
    expect(await text(toFirst)).not.toContain(second.number!);
    const toSecond = await gen('service-receipt', { servedDocument: second.id });
    expect(await text(toSecond)).toContain(second.number!);
    expect(await text(toSecond)).not.toContain(first.number!);
    // Two documents served, two receipts on file: neither replaces the other.
    const docs = (await t.call(officer, 'cases.get', { caseId })).state.documents;
    expect(supersededIds(docs).has(toFirst.id)).toBe(false);

    // A document of another case, or one the choice does not fit, is refused in Chinese.
    const stranger = await expectFailure(
      gen('service-receipt', { servedDocument: 'correction-order', servedDocumentId: 'NO-SUCH-DOCUMENT' }),
    );
    expect(stranger.message).toBe('所选的送达文书不在本案中，请重新选择');
    const mismatch = await expectFailure(
      gen('service-receipt', { servedDocument: 'daily-penalty-decision', servedDocumentId: first.id }),
    );
    expect(mismatch.message).toContain('送达文书与所选的');
  });

  it('refuses a version a newer one replaced, and takes the type when one document of it is current', async () => {
    const { gen } = await atDailyPenalty('2026-03-02');
    const old = await gen('correction-order');
    const latest = await gen('correction-order');
    expect(latest.number).toBe(old.number);
    const replaced = await expectFailure(gen('service-receipt', { servedDocument: old.id }));
    expect(replaced.message).toContain('已被新版本替换，请选择最新版本送达');
    const receipt = await gen('service-receipt', { servedDocument: '责令改正违法行为决定书' });
    expect(receipt.fields.servedDocumentId).toBe(latest.id);
  });
});
