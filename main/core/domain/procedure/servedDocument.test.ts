import { describe, expect, it } from 'vitest';
import { documentTypes } from '#common/documentTypes.js';
import { allDefinitions, ordinary } from '#core/testing/procedureCase.js';
import { checkDefinition } from './checkDefinition.js';
import { knownGuards } from './guards.js';
import { servedBy, servedDocumentOf, servesOf } from './servedDocument.js';

const receiptGuard = (equals: string) => ({
  name: 'hasDocument',
  args: { type: 'service-receipt', field: 'servedDocument', equals },
});

describe('which document an action serves, as the procedure says it', () => {
  it('reads the receipt an action requires, by type id, also in a definition that named it in Chinese', () => {
    expect(servedDocumentOf({ guards: [receiptGuard('penalty-notice')] })).toBe('penalty-notice');
    expect(servedDocumentOf({ guards: [receiptGuard('行政处罚决定书')] })).toBe('penalty-decision');
    expect(servedDocumentOf({ guards: [{ name: 'hasDocument', args: { type: 'penalty-notice' } }] })).toBeNull();
  });

  it('reads `serves` when the action records the service with its own form, and the chosen document otherwise', () => {
    expect(servesOf({ guards: [], serves: 'correction-order' })).toBe('correction-order');
    expect(servesOf({ guards: [] })).toBeNull();
    expect(servedBy({ guards: [] }, { servedDocument: 'transfer-letter' })).toBe('transfer-letter');
    expect(servedBy({ guards: [] }, { servedDocument: '不予行政处罚决定书' })).toBe('no-penalty-decision');
    expect(servedBy({ guards: [], serves: 'correction-order' }, { servedDocument: 'x' })).toBe('correction-order');
  });

  it('finds a served document for every serve action of the shipped procedures, with no action id in code', () => {
    const serving = [...allDefinitions.values()].flatMap((d) =>
      d.actions.filter((a) => servesOf(a)).map((a) => `${d.id}@${d.version}:${a.id}=${servesOf(a)}`),
    );
    expect(serving).toEqual(
      expect.arrayContaining([
        'ordinary@2026.2:serveNotice=penalty-notice',
        'ordinary@2026.2:serveDecision=penalty-decision',
        'correction@2026.1:serveOrder=correction-order',
        'dailyPenalty@2026.2:serveCorrectionOrder=correction-order',
        'productionRestriction@2026.2:serveRestriction=restriction-decision',
      ]),
    );
  });

  it('is refused at load when it names no document type', () => {
    const documents = new Set<string>(documentTypes);
    const broken = {
      ...ordinary,
      actions: ordinary.actions.map((a) =>
        a.id === 'serveNotice' ? { ...a, guards: [receiptGuard('事先告知')] } : { ...a, serves: undefined },
      ),
    };
    broken.actions.push({ ...broken.actions[0]!, id: 'serveOther', serves: 'no-such-type', guards: [] });
    const problems = checkDefinition(broken, knownGuards, undefined, documents).join('\n');
    expect(problems).toContain('操作 serveNotice 送达的文书类型 事先告知 不存在');
    expect(problems).toContain('操作 serveOther 送达的文书类型 no-such-type 不存在');
  });
});
