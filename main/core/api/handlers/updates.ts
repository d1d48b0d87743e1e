/**
 * 软件更新 in 本局设置: where the desktop app finds updates, and a check on demand. The
 * location is stored like the other bureau settings (application/settings.ts); the shell asks for it before every
 * check (main/core/updateLink.ts). The web host and the CLI have no updater: they show the setting
 * and refuse a check.
 */
import { AppError } from '#common/errors.js';
import type { UpdatesView } from '#common/schemas/updates.js';
import { isProvincialServerSource, parseUpdateSource, provincialServerSource } from '#common/updateSource.js';
import type { Services } from '#core/services.js';
import { setUpdateSourceSetting, updateSourceSetting } from '#core/application/settings.js';
import type { HandlerMap } from '../types.js';

function view(services: Services): UpdatesView {
  const link = services.updateLink ?? null;
  return { source: updateSourceSetting(services), desktop: link !== null, status: link?.status() ?? null };
}

export const updateHandlers: HandlerMap<'updates.get' | 'updates.setSource' | 'updates.check'> = {
  'updates.get': (_input, { services }) => view(services),

  'updates.setSource': ({ source }, { services }) => {
    if (source.trim() === '') {
      setUpdateSourceSetting(services, null);
      return view(services);
    }
    if (isProvincialServerSource(source)) {
      if (!services.sync.status().enrolled)
        throw new AppError(
          'VALIDATION',
          '本机尚未登记到省级服务器，不能从服务器获取更新；请先在“与省级服务器同步”中登记，设置未修改',
          [{ path: ['source'], message: '本机尚未登记到省级服务器' }],
        );
      setUpdateSourceSetting(services, provincialServerSource);
      return view(services);
    }
    const parsed = parseUpdateSource(source);
    if (!parsed.ok)
      throw new AppError('VALIDATION', `${parsed.message}；设置未修改`, [
        { path: ['source'], message: parsed.message },
      ]);
    setUpdateSourceSetting(services, parsed.source.location);
    return view(services);
  },

  'updates.check': async (_input, { services }) => {
    const link = services.updateLink;
    if (!link)
      throw new AppError('UPDATE_UNAVAILABLE', '只有案卷桌面程序可以检查和安装更新；网页版随桌面程序或服务器一起更新');
    await link.check();
    return view(services);
  },
};
