import type { HandlerMap } from '../types.js';

export const referenceHandlers: HandlerMap<'enterprises.search' | 'officers.list' | 'violations.list' | 'templates.list'> = {
  'enterprises.search': ({ query, limit }, { services }) => services.directory.searchEnterprises(query, limit),
  'officers.list': (_i, { services }) => services.directory.officers(),
  'violations.list': (_i, { services }) => services.violations,
  'templates.list': (_i, { services }) => services.manifest,
};
