/**
 * 现场检查任务 (双随机) over HTTP: the portal's requests (负责人 and 系统管理员 of any level, over their own
 * bureaus) to create a task, list tasks with progress, open one and audit its draw; and the county
 * desk's requests (device credential) to receive its assignments and send the inspections back.
 */
import type { FastifyInstance } from 'fastify';
import { createTaskInput, pushResultsInput, taskIdParam } from '#common/sync/fieldTasks.js';
import { requireSession } from '../auth/admin.js';
import { requireDevice } from '../auth/device.js';
import { parseWith } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { auditTask } from '../tasks/audit.js';
import { createTask } from '../tasks/createTask.js';
import { assignmentsForDevice, recordResults } from '../tasks/deviceTasks.js';
import { listTasks, taskDetail, taskSummary } from '../tasks/taskViews.js';
import { supervisionRoles } from './supervision.js';

export function taskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/tasks', async (req, reply) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    const input = parseWith(createTaskInput, req.body);
    const created = await createTask(ctx, viewer, input);
    reply.status(201);
    return taskSummary(ctx, viewer, created.id);
  });

  // The counties a viewer may give a task to: those of its own subtree (the portal's form offers them).
  app.get('/api/tasks/counties', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    return {
      counties: ctx.bureaus
        .subtree(viewer.bureauId)
        .map((id) => ctx.bureaus.get(id)!)
        .filter((b) => b.level === 'county')
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
  });

  app.get('/api/tasks', async (req) => listTasks(ctx, await requireSession(ctx, req, supervisionRoles)));

  app.get('/api/tasks/:id', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    return taskDetail(ctx, viewer, parseWith(taskIdParam, req.params).id);
  });

  app.get('/api/tasks/:id/audit', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    return auditTask(ctx, viewer, parseWith(taskIdParam, req.params).id);
  });

  app.get('/api/sync/field-tasks', async (req) => assignmentsForDevice(ctx, await requireDevice(ctx, req)));

  app.post('/api/sync/field-tasks/results', async (req) => {
    const device = await requireDevice(ctx, req);
    return recordResults(ctx, device, parseWith(pushResultsInput, req.body));
  });
}
