import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../common/errors.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { demoUsers } from '../../seed/demo.js';

export const sessionHandlers: HandlerMap<'app.info' | 'session.login' | 'session.logout' | 'session.me'> = {
  'app.info': async (_input, { services }) => {
    const demo = services.db.prepare("SELECT value FROM meta WHERE key = 'demo'").get() as { value: string } | undefined;
    return {
      version: process.env.npm_package_version ?? '0.1.0',
      bureau: services.bureau(),
      demo: demo?.value === '1',
      demoUsers: demo?.value === '1' ? demoUsers.map((u) => ({ username: u.username, password: u.password, name: u.name, role: u.roleName })) : [],
      pdfEngines: await services.pdf.engineNames(),
      dataDir: services.dataDir,
    };
  },
  'session.login': ({ username, password }, { services }) => {
    const user = services.directory.authenticate(username.trim(), password);
    if (!user) throw new AppError('BAD_CREDENTIALS');
    const token = randomBytes(24).toString('hex');
    services.directory.createSession(token, user.id, services.clock.now().toISOString());
    const { bureauId: _b, ...view } = user;
    return { token, user: view };
  },
  'session.logout': (_input, { services, token }) => {
    if (token) services.directory.endSession(token);
    return { ok: true as const };
  },
  'session.me': (_input, ctx) => {
    const { bureauId: _b, ...view } = requireUser(ctx);
    return view;
  },
};
