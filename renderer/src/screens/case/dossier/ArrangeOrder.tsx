/**
 * 卷内顺序: the order the next 组卷 binds, per volume. A reviewer or head moves an item up or down
 * within its group (the manifest's rules, common/dossierOrder.ts — a move the core would refuse is
 * disabled, its tooltip says why), ticks drafts to leave out, and saves (dossier.arrange); an officer
 * reads it. Unsaved changes are discarded only after a confirmation.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { excludeRefusal, moveItem, moveRefusal } from '#common/dossierOrder';
import type { DossierOrderView } from '#common/schemas/dossierOrder';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { formatInstant } from '#renderer/util/dates';
import { OrderRow, type OrderEntry } from './OrderRow';

const volumeNames = ['正卷', '副卷'] as const;
const signature = (items: OrderEntry[]): string => JSON.stringify(items.map((i) => [i.id, i.excluded]));

export function ArrangeOrder({
  caseId,
  caseVersion,
  onDirtyChange,
}: {
  caseId: string;
  /** The case's version: the order is read again when the case changes (unless there are unsaved changes). */
  caseVersion: number;
  onDirtyChange?(dirty: boolean): void;
}) {
  const can = useCanCall();
  const notifier = useNotifier();
  const editable = can('dossier.arrange');
  const [view, setView] = useState<DossierOrderView | null>(null);
  const [items, setItems] = useState<OrderEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const focusAfterMove = useRef<string | null>(null);
  const dirty = view !== null && signature(items) !== signature(view.items);

  const show = useCallback((v: DossierOrderView) => {
    setView(v);
    setItems(v.items);
  }, []);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (dirtyRef.current) return; // the reviewer's unsaved work is not replaced behind his back
    send('dossier.order', { caseId })
      .then(show)
      .catch((e) => setError(messageOf(e)));
  }, [caseId, caseVersion, show]);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    const id = focusAfterMove.current;
    focusAfterMove.current = null;
    if (id) rows.current.get(id)?.focus();
  });

  if (!view) return error ? <Alert severity="error">{error}</Alert> : null;
  if (view.items.length === 0) return null;

  const listOf = (volume: (typeof volumeNames)[number]) => items.filter((i) => i.volume === volume);
  const replaceVolume = (volume: string, list: OrderEntry[]): void =>
    setItems((all) =>
      [...all.filter((i) => i.volume !== volume), ...list].sort(
        (a, b) => volumeNames.indexOf(a.volume) - volumeNames.indexOf(b.volume),
      ),
    );

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      const saved = await send('dossier.arrange', {
        caseId,
        volumes: volumeNames.map((volume) => ({ volume, items: listOf(volume).map((i) => i.id) })),
        excluded: items.filter((i) => i.excluded).map((i) => i.id),
        expectedVersion: view.version,
      });
      show(saved);
      notifier.success('卷内顺序已保存，下次组卷按此顺序装订');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="dossier-order">
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h3">
            卷内顺序
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }} data-testid="order-source">
            {view.arranged ? `${view.arranged.byName}于${formatInstant(view.arranged.at)}调整` : '按文书清单规定的顺序'}
            {editable ? '；可在同组内上移、下移（Alt+↑/↓），未定稿的文书可不入卷' : '；由法制审核人员或负责人调整'}
          </Typography>
          {editable && (
            <>
              <Button disabled={!dirty || saving} onClick={() => setConfirmDiscard(true)} data-testid="order-discard">
                放弃修改
              </Button>
              <Button
                variant="contained"
                disabled={!dirty}
                loading={saving}
                onClick={() => void save()}
                data-testid="order-save"
              >
                保存顺序
              </Button>
            </>
          )}
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {volumeNames.map((volume) => {
          const list = listOf(volume);
          if (list.length === 0) return null;
          let seq = 0;
          return (
            <Stack key={volume} data-testid="order-volume" data-volume={volume}>
              <Typography variant="subtitle2">{volume}</Typography>
              <ol style={{ margin: 0, padding: 0 }}>
                {list.map((entry, index) => (
                  <OrderRow
                    key={entry.id}
                    entry={entry}
                    seq={entry.excluded ? null : ++seq}
                    editable={editable && !saving}
                    upRefusal={moveRefusal(list, index, -1)}
                    downRefusal={moveRefusal(list, index, 1)}
                    excludeRefusal={excludeRefusal(entry)}
                    onMove={(direction) => {
                      focusAfterMove.current = entry.id;
                      replaceVolume(volume, moveItem(list, index, direction));
                    }}
                    onExclude={(excluded) =>
                      setItems((all) => all.map((i) => (i.id === entry.id ? { ...i, excluded } : i)))
                    }
                    rowRef={(el) => {
                      if (el) rows.current.set(entry.id, el);
                      else rows.current.delete(entry.id);
                    }}
                  />
                ))}
              </ol>
            </Stack>
          );
        })}
      </Stack>
      {confirmDiscard && (
        <ConfirmDialog
          title="放弃修改"
          confirmLabel="放弃修改"
          pending={false}
          onClose={() => setConfirmDiscard(false)}
          onConfirm={() => {
            setConfirmDiscard(false);
            setItems(view.items);
          }}
          testId="order-discard-dialog"
        >
          卷内顺序的修改尚未保存，放弃后恢复为已保存的顺序。
        </ConfirmDialog>
      )}
    </Paper>
  );
}
