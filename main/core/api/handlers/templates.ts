/** Template management: load a new version of a document's template, checked before it is used. */
import { findTemplate } from '#core/documents/manifest.js';
import { importTemplate } from '#core/application/importTemplate.js';
import type { HandlerMap } from '../types.js';

export const templateHandlers: HandlerMap<'templates.import' | 'templates.versions'> = {
  'templates.import': ({ type, fileName, contentBase64 }, { services }) =>
    importTemplate(services, type, fileName, Buffer.from(contentBase64, 'base64')),
  'templates.versions': ({ type }, { services }) => {
    const template = findTemplate(services.manifest, type);
    return services.templates.versions(template).map(({ version, source }) => ({ version, source }));
  },
};
