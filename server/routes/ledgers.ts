/**
 * 台账 downloads for the portal (负责人 and 系统管理员, over their own subtree): the case ledger and the
 * inspection ledger as .xlsx attachments, streamed: a refusal is answered before the first byte, the file
 * is written into the reply as its rows are read.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ledgerParams, ledgerQuery } from '#common/sync/ledgers.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import { requireSession } from '../auth/admin.js';
import { parseWith } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { caseLedger, inspectionLedger } from '../ledgers/ledgers.js';
import { supervisionRoles } from './supervision.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ledgerRoutes(app: FastifyInstance, server: ServerContext, calendar: WorkingCalendar): void {
  const ctx = { ...server, calendar };
  app.get('/api/supervision/ledgers/:kind', async (req, reply) => {
    const viewer = await requireSession(server, req, supervisionRoles);
    const { kind } = parseWith(ledgerParams, req.params);
    const { bureauId } = parseWith(ledgerQuery, req.query);
    const file =
      kind === 'cases' ? await caseLedger(ctx, viewer, bureauId) : await inspectionLedger(ctx, viewer, bureauId);
    reply.type(xlsxType);
    // RFC 6266: the Chinese name in filename*, an ASCII fallback in filename.
    reply.header(
      'Content-Disposition',
      `attachment; filename="ledger-${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    const body = new PassThrough();
    // Once the first bytes are out a failure can no longer be a JSON error: the download is cut short
    // (the browser shows it failed) and the cause goes to the log.
    file.write(body).catch((e: unknown) => {
      req.log.error({ err: e }, '台账导出中断');
      body.destroy(e instanceof Error ? e : new Error(String(e)));
    });
    return reply.send(body);
  });
}
