/**
 * The ledgers of a viewer's subtree (the dashboards' scope: a county itself, a prefecture its counties, the
 * province all) as .xlsx: the case ledger from the cases received, the inspection ledger from the field
 * tasks' assignments. SQL here, columns in columns.ts, the file in workbook.ts. The rows are read a page
 * at a time (db/pages.ts) and written as they come, so the province's 50,000 cases stream to the reply.
 */
import type { Writable } from 'node:stream';
import { chinaDate } from '#core/domain/dates.js';
import { scopeOf, type SupervisionContext, type Viewer } from '../supervision/dashboard.js';
import { refreshFacts } from '../supervision/refresh.js';
import {
  caseLedgerColumns,
  caseLedgerRow,
  inspectionLedgerColumns,
  inspectionLedgerRow,
  type LedgerCase,
} from './columns.js';
import { pagesOf } from '../db/pages.js';
import { writeLedger } from './workbook.js';

/** Who may see it and its name are settled (a refusal is thrown before anything is written); `write` streams it. */
export interface LedgerFile {
  fileName: string;
  write(out: Writable): Promise<void>;
}

/** Each page's rows numbered on from the previous page's (序号 runs over the whole ledger). */
async function* numbered<R, C>(pages: AsyncIterable<R[]>, row: (n: number, r: R) => C): AsyncGenerator<C[]> {
  let n = 0;
  for await (const page of pages) yield page.map((r) => row(++n, r));
}

// Rows per FETCH, small on purpose: a page stays alive while exceljs turns it into XML, and at 1,000 rows
// that outlived young collections, so every page was promoted and the dead ones piled up in the old
// generation until a full collection. Three exports in a row of the province's 50,000 cases (with the copy
// in pages.ts either way): the server's heap peaked at about 60 MB with 100 rows, 125 MB with 1,000; the
// extra round trips cost no time we could tell from the noise.
const pageRows = 100;

const nameOf = (ctx: SupervisionContext, id: string) => ctx.bureaus.get(id)?.name ?? id;

export async function caseLedger(ctx: SupervisionContext, viewer: Viewer, bureauId?: string): Promise<LedgerFile> {
  const scope = scopeOf(ctx, viewer, bureauId);
  const today = chinaDate(ctx.now());
  await refreshFacts(ctx, today); // the node names come from the dashboards' facts
  // Only what a row shows: a case's whole projection (documents, evidence, approvals) is many times larger.
  const pages = pagesOf<{ bureau_id: string; node_name: string | null; node: string; state: LedgerCase }>(
    ctx.pool,
    `SELECT c.bureau_id, f.node_name, c.state->>'node' AS node,
            jsonb_build_object('number', c.state->'number', 'filedOn', c.state->'filedOn', 'source', c.state->'source',
              'closedOn', c.state->'closedOn', 'decision', c.state->'decision', 'payments', c.state->'payments',
              'party', jsonb_build_object('name', c.state#>'{party,name}', 'uscc', c.state#>'{party,uscc}'),
              'violation', jsonb_build_object('name', c.state#>'{violation,name}'),
              'officers', c.state->'officers') AS state
       FROM cases c LEFT JOIN supervision_cases f ON f.case_id = c.id
      WHERE c.bureau_id = ANY($1) ORDER BY c.bureau_id, c.state->>'filedOn', c.number`,
    [ctx.bureaus.subtree(scope)],
    pageRows,
  );
  const rows = numbered(pages, (n, x) =>
    caseLedgerRow(n, {
      bureauName: nameOf(ctx, x.bureau_id),
      nodeName: x.node_name ?? x.node,
      state: x.state,
    }),
  );
  return {
    fileName: `案件台账-${nameOf(ctx, scope)}-${today}.xlsx`,
    write: (out) => writeLedger(out, '案件台账', caseLedgerColumns, rows),
  };
}

export async function inspectionLedger(
  ctx: SupervisionContext,
  viewer: Viewer,
  bureauId?: string,
): Promise<LedgerFile> {
  const scope = scopeOf(ctx, viewer, bureauId);
  const today = chinaDate(ctx.now());
  const pages = pagesOf<{
    county_id: string;
    task_name: string;
    task_bureau: string;
    enterprise_name: string;
    uscc: string;
    officer_names: string[];
    inspected_on: string | null;
    result: 'clean' | 'issues' | null;
    findings: string | null;
    case_number: string | null;
  }>(
    ctx.pool,
    `SELECT a.county_id, t.name AS task_name, t.bureau_id AS task_bureau, a.enterprise_name, a.uscc,
            ARRAY(SELECT coalesce(u.name, o.id) FROM unnest(a.officer_ids) WITH ORDINALITY o(id, k)
                    LEFT JOIN users u ON u.id = o.id ORDER BY o.k) AS officer_names,
            to_char(a.inspected_on, 'YYYY-MM-DD') AS inspected_on, a.result, a.findings, a.case_number
       FROM field_assignments a JOIN field_tasks t ON t.id = a.task_id
      WHERE a.county_id = ANY($1)
      ORDER BY a.county_id, t.period_from, t.name, a.position`,
    [ctx.bureaus.subtree(scope)],
    pageRows,
  );
  const rows = numbered(pages, (n, x) =>
    inspectionLedgerRow(n, {
      countyName: nameOf(ctx, x.county_id),
      taskName: x.task_name,
      taskBureauName: nameOf(ctx, x.task_bureau),
      enterpriseName: x.enterprise_name,
      uscc: x.uscc,
      officerNames: x.officer_names,
      inspectedOn: x.inspected_on,
      result: x.result,
      findings: x.findings,
      caseNumber: x.case_number,
    }),
  );
  return {
    fileName: `现场检查台账-${nameOf(ctx, scope)}-${today}.xlsx`,
    write: (out) => writeLedger(out, '现场检查台账', inspectionLedgerColumns, rows),
  };
}
