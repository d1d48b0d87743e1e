/** One item of the 卷内顺序: its place, title and group; for a reviewer, 上移/下移 (Alt+↑/↓) and 不入卷 for a draft. */
import type { KeyboardEvent } from 'react';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { DossierOrderView } from '#common/schemas/dossierOrder';

export type OrderEntry = DossierOrderView['items'][number];

interface Props {
  entry: OrderEntry;
  seq: number | null;
  editable: boolean;
  /** Why it cannot move up / down (null: it can); and why it cannot be left out. */
  upRefusal: string | null;
  downRefusal: string | null;
  excludeRefusal: string | null;
  onMove(direction: -1 | 1): void;
  onExclude(excluded: boolean): void;
  rowRef(el: HTMLLIElement | null): void;
}

/** A disabled button shows no tooltip by itself: the span carries it. */
function MoveButton(p: {
  label: string;
  refusal: string | null;
  onClick(): void;
  icon: React.ReactNode;
  testId: string;
}) {
  return (
    <Tooltip title={p.refusal ?? p.label}>
      <span>
        <IconButton
          size="small"
          aria-label={p.label}
          disabled={p.refusal !== null}
          onClick={p.onClick}
          data-testid={p.testId}
        >
          {p.icon}
        </IconButton>
      </span>
    </Tooltip>
  );
}

export function OrderRow({
  entry,
  seq,
  editable,
  upRefusal,
  downRefusal,
  excludeRefusal,
  onMove,
  onExclude,
  rowRef,
}: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>): void => {
    if (!editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const direction = e.key === 'ArrowUp' ? -1 : 1;
    if ((direction < 0 ? upRefusal : downRefusal) === null) onMove(direction);
  };
  return (
    <li
      ref={rowRef}
      tabIndex={editable ? 0 : undefined}
      onKeyDown={onKeyDown}
      data-testid="order-row"
      data-id={entry.id}
      data-excluded={entry.excluded ? 'true' : 'false'}
      style={{ listStyle: 'none', opacity: entry.excluded ? 0.55 : 1 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }}>
        <Typography variant="body2" sx={{ width: 32, textAlign: 'right', color: 'text.secondary' }}>
          {seq ?? '—'}
        </Typography>
        <Stack sx={{ flex: 1, minWidth: 0, pl: entry.follows ? 3 : 0 }}>
          <Typography variant="body2" sx={{ textDecoration: entry.excluded ? 'line-through' : 'none' }}>
            {entry.title}
          </Typography>
          {/* The group's name, unless it only repeats the title (a group of one type, e.g. 立案审批表). */}
          {!entry.follows && entry.bandLabel !== entry.title && (
            <Typography variant="caption" color="text.secondary">
              {entry.bandLabel}
            </Typography>
          )}
        </Stack>
        {entry.draft && <Chip size="small" label="未定稿" variant="outlined" color="warning" />}
        {editable && (
          <>
            <MoveButton
              label="上移"
              refusal={upRefusal}
              onClick={() => onMove(-1)}
              icon={<ArrowUpwardIcon fontSize="small" />}
              testId="order-up"
            />
            <MoveButton
              label="下移"
              refusal={downRefusal}
              onClick={() => onMove(1)}
              icon={<ArrowDownwardIcon fontSize="small" />}
              testId="order-down"
            />
            <Tooltip title={excludeRefusal ?? '未定稿的文书可以不入卷'}>
              <FormControlLabel
                sx={{ mr: 0 }}
                label="不入卷"
                control={
                  <Checkbox
                    size="small"
                    checked={entry.excluded}
                    disabled={excludeRefusal !== null}
                    onChange={(e) => onExclude(e.target.checked)}
                    slotProps={{ input: { 'data-testid': 'order-exclude' } as object }}
                  />
                }
              />
            </Tooltip>
          </>
        )}
        {!editable && entry.excluded && <Chip size="small" label="不入卷" />}
      </Stack>
    </li>
  );
}
