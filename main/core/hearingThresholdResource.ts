/**
 * resources/discretion/hearing-thresholds.json: the 较大数额 above which a penalty gives the right to a
 * hearing. Its own module, below the services object and the documents that print it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HearingThreshold } from './domain/hearingThreshold.js';
import { resourcesDir } from './paths.js';

/** 较大数额 for hearings (data, each figure with its source, `verified`, and whether the figure itself counts). */
export function loadHearingThreshold(
  file = join(resourcesDir(), 'discretion', 'hearing-thresholds.json'),
): HearingThreshold {
  const rule = z.enum(['above', 'atLeast']);
  const origin = z.object({ source: z.string().min(1), verified: z.boolean() });
  const t = z
    .object({
      organisationYuan: z.number().positive(),
      citizenYuan: z.number().positive(),
      organisationRule: rule,
      citizenRule: rule,
      organisation: origin,
      citizen: origin,
    })
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    organisationYuan: t.organisationYuan,
    citizenYuan: t.citizenYuan,
    organisationRule: t.organisationRule,
    citizenRule: t.citizenRule,
  };
}
