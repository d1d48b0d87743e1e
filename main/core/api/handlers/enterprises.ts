/** The enterprise directory's operations (issue 5): search, an enterprise's page, import. */
import type { HandlerMap } from '../types.js';
import { importEnterpriseFile, readEnterpriseFile } from '../enterpriseImport.js';
import { enterprisePage } from '../enterprisePage.js';
import { refuseUnlessCli } from '../localFiles.js';

export const enterpriseHandlers: HandlerMap<'enterprises.search' | 'enterprises.get' | 'enterprises.import'> = {
  'enterprises.search': ({ query, limit }, { services }) => services.directory.searchEnterprises(query, limit),

  'enterprises.get': ({ id }, { services }) => enterprisePage(services, id),

  'enterprises.import': (input, ctx) => {
    const { services } = ctx;
    if ('path' in input) refuseUnlessCli(ctx);
    const file = 'path' in input
      ? readEnterpriseFile(input.path)
      : { name: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), uploaded: true };
    return importEnterpriseFile({
      store: services.enterprises, regions: services.enterpriseData.regions, columns: services.enterpriseData.columns,
      now: () => services.clock.now(),
    }, file, input.encoding);
  },
};
