import type { HandlerMap } from '../types.js';

/** enterprises.search lives with the directory's other operations in ./enterprises.ts (issue 5). */
export const referenceHandlers: HandlerMap<'officers.list' | 'violations.list' | 'templates.list'> = {
  'officers.list': (_i, { services }) => services.directory.officers(),
  'violations.list': (_i, { services }) => services.violations,
  'templates.list': (_i, { services }) => services.manifest,
};
