/**
 * The portal's list pages (通知公告, 现场检查任务) are one shape: a title with a create button, the create
 * form in place of the button, then the list loaded from the server — loading, the server's message,
 * an empty note or the table. A page says only its own words, columns and form; what it created opens
 * and the list is asked again, so coming back shows it.
 */
import { useCallback, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLoad } from './useLoad.js';

/** One column: its heading and what a row shows in it. */
export interface Column<T> {
  head: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
}

/** A table of rows by columns, keyed by each row's id. */
export function DataTable<T>(props: {
  label?: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  hover?: boolean;
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.columns.map((c, i) => (
            <TableCell key={i} align={c.align}>
              {c.head}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((r) => (
          <TableRow key={props.rowKey(r)} hover={props.hover}>
            {props.columns.map((c, i) => (
              <TableCell key={i} align={c.align}>
                {c.cell(r)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** What the create form is told: give up, or the id of what it created (which then opens). */
export interface CreateFormProps {
  onCancel: () => void;
  onCreated: (id: string) => void;
}

export function ListPage<T extends { id: string }>(props: {
  title: string;
  createLabel: string;
  /** The rows, asked again after each creation. */
  load: () => Promise<readonly T[]>;
  form: (p: CreateFormProps) => ReactNode;
  open: (id: string) => void;
  empty: string;
  tableLabel: string;
  columns: readonly Column<T>[];
}) {
  const { load: loadRows, open } = props;
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  // `version` asks the list again after a creation.
  const load = useCallback(() => loadRows(), [loadRows, version]);
  const { data, error } = useLoad(load);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" sx={{ flexGrow: 1 }}>
          {props.title}
        </Typography>
        {!creating && (
          <Button variant="contained" onClick={() => setCreating(true)}>
            {props.createLabel}
          </Button>
        )}
      </Stack>
      {creating &&
        props.form({
          onCancel: () => setCreating(false),
          onCreated: (id) => {
            setCreating(false);
            setVersion((v) => v + 1);
            open(id);
          },
        })}
      {error && <Alert severity="error">{error}</Alert>}
      {!data && !error && <CircularProgress aria-label="正在加载" />}
      {data && data.length === 0 && <Alert severity="info">{props.empty}</Alert>}
      {data && data.length > 0 && (
        <DataTable label={props.tableLabel} columns={props.columns} rows={data} rowKey={(r) => r.id} hover />
      )}
    </Stack>
  );
}
