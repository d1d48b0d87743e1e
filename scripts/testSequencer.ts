/**
 * The order Vitest starts test files in (vitest.config.ts `sequence.sequencer`). The known slow files
 * (scripts/testSets.ts) go first, so that even a fresh clone's first run, which has no timings cached
 * yet, does not end with one worker busy on a long file while the other waits. Then the other node
 * files, then the jsdom ones: without per-file isolation a worker is kept for the next file only if
 * that file wants the same environment, so interleaving the two would start a new worker (and import
 * the core again) at every switch. Within each group Vitest's own order stands (failed first, then
 * longest first by the timings it cached).
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { slowByName, slowFiles } from './testSets.js';

// slowByName holds patterns of the form `**/*<end of name>`.
const slowEndings = slowByName.map((glob) => glob.replace(/^\*\*\/\*/, ''));

export function isSlowFile(path: string): boolean {
  return Object.hasOwn(slowFiles, path) || slowEndings.some((end) => path.endsWith(end));
}

const environmentPragma = /@vitest-environment\s+([\w-]+)/;

function group(spec: TestSpecification): number {
  const path = relative(spec.project.config.root, spec.moduleId).split(sep).join('/');
  if (isSlowFile(path)) return 0;
  let source = '';
  try {
    source = readFileSync(spec.moduleId, 'utf8');
  } catch {
    // Vitest reports the unreadable file itself; here it only keeps its place.
  }
  const environment = source.match(environmentPragma)?.[1] ?? spec.project.config.environment;
  return environment === 'node' ? 1 : 2;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const groups = new Map(sorted.map((spec) => [spec, group(spec)]));
    // Array sort is stable: Vitest's order stands within a group.
    return sorted.sort((a, b) => groups.get(a)! - groups.get(b)!);
  }
}
