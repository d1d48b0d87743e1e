/**
 * Every sample scenario run once, on one core, for the checks that read their results: the paths and
 * documents (api/scenarios.test.ts), the bound dossiers (scenarioDossierChecks.ts) and Chromium's page
 * counts against LibreOffice's (scenarioFidelityChecks.ts). Each check used to run them all again on a
 * core of its own, 25–30 s a time on this machine; the checks only read what the runs left.
 *
 * Chromium binds the dossiers where it is found (the checks that need it skip without it); otherwise
 * the core's own choice of engine.
 */
import { existsSync } from 'node:fs';
import { chromiumExecutable } from '#core/documents/pdf/chromium.js';
import { scenarioNames, scenarios, type ScenarioResult } from './scenario.js';
import { createTestCore, type TestCore } from './testCore.js';

export interface SampleRuns {
  t: TestCore;
  results: Record<string, ScenarioResult>;
  /** The dossiers were bound by Chromium. */
  chromium: boolean;
  seconds: number;
}

export const hasChromium = (): boolean => existsSync(chromiumExecutable());

export async function runSampleScenarios(): Promise<SampleRuns> {
  const started = Date.now();
  const chromium = hasChromium();
  const t = await createTestCore(chromium ? { core: { pdfEngine: 'chromium' } } : {});
  const results: Record<string, ScenarioResult> = {};
  for (const name of scenarioNames) results[name] = await scenarios[name]!(t, { setDate: (d) => t.clock.setDate(d) });
  return { t, results, chromium, seconds: (Date.now() - started) / 1000 };
}
