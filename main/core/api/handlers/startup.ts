/** What the core found when it started (issue 11): damaged data files it set aside. */
import { startupReport } from '../../dataFiles.js';
import type { HandlerMap } from '../types.js';

export const startupHandlers: HandlerMap<'app.startupReport'> = {
  'app.startupReport': (_input, { services }) => ({ warnings: startupReport(services.dataDir, services.dataFileWarnings) }),
};
