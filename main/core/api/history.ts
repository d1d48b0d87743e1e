/** The case history a supervisor reads, in Chinese, straight from the event log. */
import type { CaseEvent } from '../domain/events.js';
import { verifyChain } from '../store/eventLog.js';
import type { ProcedureDefinition } from '../domain/procedure/definition.js';

export function summarize(e: CaseEvent, def: ProcedureDefinition): string {
  const nodeName = (id: string): string => def.nodes.find((n) => n.id === id)?.name ?? id;
  const actionLabel = (id: string): string => def.actions.find((a) => a.id === id)?.name ?? id;
  switch (e.type) {
    case 'case.opened': return `立案登记：${e.payload.number}，当事人${e.payload.party.name}，${e.payload.violation.name}`;
    case 'document.generated': return `生成${e.payload.name}${e.payload.number ? `（${e.payload.number}）` : ''}，第${e.payload.version}版`;
    case 'evidence.added': return `上传证据：${e.payload.description}（${e.payload.fileName}）`;
    case 'dossier.built': return `组卷，共${e.payload.pages}页`;
    case 'action.performed': {
      const p = e.payload;
      const move = p.to ? `，由“${nodeName(p.from)}”进入“${nodeName(p.to)}”` : '';
      const comment = typeof p.data.comment === 'string' && p.data.comment ? `，意见：${p.data.comment}` : '';
      return `${actionLabel(p.action)}${move}${comment}`;
    }
  }
}

export function historyOf(events: CaseEvent[], def: ProcedureDefinition) {
  return {
    entries: events.map((e) => ({
      seq: e.seq, id: e.id, type: e.type, summary: summarize(e, def), actorId: e.actorId, actorName: e.actorName,
      device: e.device, at: e.at, hlc: e.hlc, hash: e.hash,
    })),
    chainValid: verifyChain(events).valid,
  };
}
