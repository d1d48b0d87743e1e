import { isDemoData } from '#core/application/settings.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { demoUsers } from '#core/seed/demo.js';
import type { Services } from '#core/services.js';

/** The counties a bureau can be set up in (resources/regions/gb2260.json), with their prefecture. */
function setupCounties(services: Services): Array<{ code: string; name: string; prefecture: string }> {
  const { counties, units } = services.enterpriseData.regions;
  return [...counties].map(([code, name]) => ({ code, name, prefecture: units.get(`${code.slice(0, 4)}00`) ?? '' }));
}

export const sessionHandlers: HandlerMap<
  'app.info' | 'session.login' | 'session.logout' | 'session.me' | 'session.changePassword'
> = {
  'app.info': async (_input, { services }) => {
    const demo = isDemoData(services);
    const setupRequired = !services.accounts.isSetUp();
    return {
      version: process.env.npm_package_version ?? '0.1.0',
      bureau: setupRequired ? null : services.bureau(),
      setupRequired,
      counties: setupRequired ? setupCounties(services) : [],
      // Published passwords only in a demo data directory (seeded with ANJUAN_DEMO=1), never in an installed one.
      demo,
      demoUsers: demo
        ? demoUsers.map((u) => ({ username: u.username, password: u.password, name: u.name, role: u.roleName }))
        : [],
      pdfEngines: await services.pdf.engineNames(),
      dataDir: services.dataDir,
    };
  },
  'session.login': ({ username, password }, { services }) => {
    const { token, user } = services.accounts.login(username.trim(), password);
    const { bureauId: _b, ...view } = user;
    return { token, user: view };
  },
  'session.logout': (_input, { services, token, user }) => {
    if (token) services.accounts.logout(token, user);
    return { ok: true as const };
  },
  'session.me': (_input, ctx) => {
    const { bureauId: _b, ...view } = requireUser(ctx);
    return view;
  },
  'session.changePassword': ({ oldPassword, newPassword }, ctx) => {
    const user = requireUser(ctx);
    const { bureauId: _b, ...view } = ctx.services.accounts.changePassword(user, ctx.token, oldPassword, newPassword);
    return view;
  },
};
