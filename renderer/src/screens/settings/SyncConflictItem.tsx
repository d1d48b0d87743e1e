/**
 * One 同步冲突 as the clerk reads it: what he did on this desk (with what he typed), what the other desk
 * did first, and why his action is no longer lawful. Its typed data is his draft of the action's form,
 * so he redoes it by opening that action on the case page (the form restores it), or discards it —
 * explicitly, confirmed, only his own. The conflict record itself is never deleted. Shown in 本局设置 →
 * 同步 and on the case page of its case.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SyncConflict } from '#common/schemas/sync';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { navigate } from '#renderer/app/route';
import { useSession } from '#renderer/app/session';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';

/** What the clerk typed, as short text: the action's form data (comments, reasons) or the record's fields. */
export function typedText(payload: unknown): string {
  const p = payload as { data?: Record<string, unknown> } | null;
  const data = p?.data ?? (payload as Record<string, unknown> | null) ?? {};
  return Object.values(data)
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('；')
    .slice(0, 200);
}

interface Props {
  conflict: SyncConflict;
  /** On the case page: whether the kept action is offered there now (null: not known, e.g. in 设置). */
  offeredNow?: boolean | null;
  /** The list is shown outside the case: a link opens it. */
  caseLink?: boolean;
  onChanged(): void;
}

function redoText(c: SyncConflict, offeredNow: boolean | null): string | null {
  if (c.kind === 'refused') return '服务器拒收，本案暂停上传，操作仍保存在本机；请联系系统管理员核对拒收原因。';
  if (!c.draft) return null;
  const name = c.draft.actionName;
  if (offeredNow === true)
    return `如仍需办理，请在本页“可执行的操作”中点击“${name}”：表单中已恢复当时所填内容，核对修改后提交。`;
  if (offeredNow === false)
    return `“${name}”在案件当前阶段不能办理。当时所填内容已保存为该操作的草稿；如不再需要，可丢弃。`;
  return `当时所填内容已保存为“${name}”的草稿：打开案件，点击“${name}”即可恢复，核对修改后重新提交。`;
}

export function SyncConflictItem({ conflict: c, offeredNow = null, caseLink = false, onChanged }: Props) {
  const { user } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = c.kept.map((k) => typedText(k.payload)).filter(Boolean);
  const mine = c.actorId === user.id;
  const redo = redoText(c, offeredNow);

  const discard = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      await send('sync.discardConflict', { conflictId: c.id });
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Alert severity="warning" data-testid="sync-conflict" data-conflict={c.id}>
      <Stack spacing={0.5}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="conflict-mine">
          {c.caseNumber}：本机办理的“{c.summary}”未能生效
        </Typography>
        {typed.length > 0 && (
          <Typography variant="body2" data-testid="conflict-typed">
            所填内容：{typed.join(' / ')}
          </Typography>
        )}
        {c.theirs && (
          <Typography variant="body2" data-testid="conflict-theirs">
            其他工作站已先办理：{c.theirs}
          </Typography>
        )}
        <Typography variant="body2" data-testid="conflict-reason">
          {c.reason}
        </Typography>
        {redo && (
          <Typography variant="body2" color="text.secondary" data-testid="conflict-redo">
            {redo}
          </Typography>
        )}
        {error && (
          <Typography variant="body2" color="error" data-testid="conflict-error">
            {error}
          </Typography>
        )}
        <Stack direction="row" spacing={1}>
          {caseLink && (
            <Button
              size="small"
              onClick={() => navigate({ name: 'case', caseId: c.caseId, tab: 'documents' })}
              data-testid="conflict-open-case"
            >
              打开案件
            </Button>
          )}
          {c.kind === 'unlawful' && mine && (
            <Button size="small" color="error" onClick={() => setConfirming(true)} data-testid="conflict-discard">
              丢弃此操作
            </Button>
          )}
          {c.kind === 'unlawful' && !mine && (
            <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
              由{c.kept[0]?.actorName ?? '办理人'}本人重新办理或丢弃
            </Typography>
          )}
        </Stack>
      </Stack>
      {confirming && (
        <ConfirmDialog
          title="丢弃此操作"
          confirmLabel="确认丢弃"
          pending={pending}
          onConfirm={() => void discard()}
          onClose={() => setConfirming(false)}
          testId="conflict-discard-confirm"
        >
          <Typography variant="body2">
            将丢弃您在本机办理的“{c.summary}”{c.draft ? `，并删除“${c.draft.actionName}”表单中恢复的草稿` : ''}
            。冲突记录和所填内容仍保留备查，但不会再办理。确认丢弃？
          </Typography>
          {error && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {error}
            </Typography>
          )}
        </ConfirmDialog>
      )}
    </Alert>
  );
}
