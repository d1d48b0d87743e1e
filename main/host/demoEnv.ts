/**
 * ANJUAN_DEMO=1 asks for the demo bureau (published passwords, synthetic enterprises) in an empty
 * data directory. `npm start` sets it (scripts/start.mjs), as do the e2e hosts (e2e/fixtures.ts)
 * and the tests; an installed workstation does not, and starts with the first-run setup.
 */
export function demoRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ANJUAN_DEMO === '1';
}
