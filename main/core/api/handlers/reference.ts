import type { HandlerMap } from '../types.js';
import { typesStandingOn } from '#core/domain/legalBasis/standingType.js';
import { typeIndex } from '#core/application/legalBasis.js';

/** enterprises.search lives with the directory's other operations in ./enterprises.ts. */
export const referenceHandlers: HandlerMap<'officers.list' | 'violations.list' | 'templates.list'> = {
  'officers.list': (_i, { services }) => services.directory.officers(),
  // With a date: the types resting on the law in force that day (the Code's from 2026-08-15).
  'violations.list': ({ on }, { services }) =>
    on ? typesStandingOn(typeIndex(services), services.violations, on) : services.violations,
  'templates.list': (_i, { services }) => services.manifest,
};
