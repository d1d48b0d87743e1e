/** The case history a supervisor reads, in Chinese, straight from the event log. */
import type { CaseEvent, CaseOpenedPayload } from '#core/domain/events.js';
import type { LawFigures } from '#common/schemas/legalBasis.js';
import { yuanInText } from '#common/money.js';
import { verifyChain } from '#core/store/eventLog.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';

/** 跨区县立案: both counties and the reason recorded at 立案 (empty within the county). */
function jurisdictionText(j: CaseOpenedPayload['jurisdiction']): string {
  return j ? `；当事人登记在${j.partyCounty}（本局位于${j.bureauCounty}），管辖理由：${j.reason}` : '';
}

/** `defFor(track)`: the definition a track ran under (the main procedure for `main`). */
export function summarize(e: CaseEvent, defFor: (track: string) => ProcedureDefinition | undefined): string {
  const def = defFor(e.type === 'action.performed' ? (e.payload.track ?? 'main') : 'main');
  const nodeName = (id: string): string => def?.nodes.find((n) => n.id === id)?.name ?? id;
  const actionLabel = (id: string): string => def?.actions.find((a) => a.id === id)?.name ?? id;
  switch (e.type) {
    case 'track.started':
      return `启动附加程序：${e.payload.name}（${versionText(e.payload.procedure.version, defFor(e.payload.trackId))}）`;
    case 'document.finalised':
      return `文书定稿并加盖印章（${e.payload.pages}页，已登记防篡改校验值）`;
    case 'case.opened':
      return `立案登记：${e.payload.number}，当事人${e.payload.party.name}，${e.payload.violation.name}；适用${def?.name ?? e.payload.procedure.id}（${versionText(e.payload.procedure.version, def)}）${jurisdictionText(e.payload.jurisdiction)}`;
    case 'document.generated': {
      const d = e.payload;
      const how = d.correctionOf
        ? `更正${d.name}，理由：${d.correctionReason ?? ''}`
        : d.origin === 'reimported'
          ? `导入修改后的${d.name}`
          : `生成${d.name}`;
      return `${how}${d.number ? `（${d.number}）` : ''}，第${d.version}版${d.changedFields?.length ? `，改动的数据项：${d.changedFields.join('、')}` : ''}`;
    }
    case 'case.lawFiguresRecorded':
      return `记录比较新旧规定所需的数额：${lawFiguresText(e.payload)}`;
    case 'evidence.added':
      return `上传证据：${e.payload.description}（${e.payload.fileName}）`;
    case 'dossier.built': {
      const volumes = e.payload.volumes ?? [];
      return volumes.length > 1
        ? `组卷：${volumes.map((v) => `${v.volume}${v.pages}页`).join('，')}`
        : `组卷，共${e.payload.pages}页`;
    }
    case 'review.ran':
      return `案卷评查：得分${e.payload.score}（满分${e.payload.max}），扣分${e.payload.deductions.filter((d) => d.points > 0).length}项`;
    case 'dossier.arranged': {
      const left = e.payload.excluded.length;
      return `调整卷内材料顺序${left > 0 ? `，${left}份未定稿文书不入卷` : ''}`;
    }
    case 'review.responded':
      return `答复评查扣分项${e.payload.deductionId}：${e.payload.verdict === 'accept' ? '认可' : '有异议'}，理由：${e.payload.reason}`;
    case 'action.performed': {
      const p = e.payload;
      const move = p.to ? `，由“${nodeName(p.from)}”进入“${nodeName(p.to)}”` : '';
      const comment = typeof p.data.comment === 'string' && p.data.comment ? `，意见：${p.data.comment}` : '';
      const reason = typeof p.data.reason === 'string' && p.data.reason ? `，理由：${p.data.reason}` : '';
      const track = p.track && p.track !== 'main' ? `【${def?.name ?? p.track}】` : '';
      const overrides = p.overrides?.length
        ? `；合法性审查未通过项经负责人决定继续办理（${p.overrides.map((o) => o.ruleName).join('、')}），理由：${p.overrides[0]!.reason}`
        : '';
      return `${track}${actionLabel(p.action)}${move}${comment}${reason}${overrides}`;
    }
  }
}

function lawFiguresText(f: LawFigures): string {
  const amounts = Object.entries(f.amounts).map(([k, v]) => `${k}${yuanInText(v)}`);
  return (
    [...amounts, f.aggravated ? '情节严重' : '', f.counterpartId ? `对应条款：${f.counterpartId}` : '']
      .filter(Boolean)
      .join('，') || '无'
  );
}

/** Which version of a procedure a case or track follows (it keeps it when a newer one takes effect). */
function versionText(version: string, def: ProcedureDefinition | undefined): string {
  return `程序版本${version}${def?.effectiveFrom ? `，${def.effectiveFrom}起施行` : ''}`;
}

export function historyOf(events: CaseEvent[], defFor: (track: string) => ProcedureDefinition | undefined) {
  return {
    entries: events.map((e) => ({
      seq: e.seq,
      id: e.id,
      type: e.type,
      summary: summarize(e, defFor),
      actorId: e.actorId,
      actorName: e.actorName,
      device: e.device,
      at: e.at,
      hlc: e.hlc,
      hash: e.hash,
    })),
    chainValid: verifyChain(events).valid,
  };
}
