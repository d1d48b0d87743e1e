/**
 * The 案卷评查 criteria under resources/review/: the newest version by its `version` (a file per version,
 * criteria.v<n>.json; a stored result names the version it was scored with). Checked on first use: a
 * broken file, or a rule no detector knows, stops the review saying what is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewCriteria, type ReviewCriteria } from '#common/schemas/fileReview.js';
import { missingDetectors } from './domain/review/detectors.js';
import { resourcesDir } from './paths.js';

export function loadReviewCriteria(dir = join(resourcesDir(), 'review')): ReviewCriteria {
  const files = readdirSync(dir).filter((f) => /^criteria\.v\d+\.json$/.test(f));
  const all = files.map((name) => {
    const parsed = reviewCriteria.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `resources/review/${name} 有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
      );
    const unknown = missingDetectors(parsed.data);
    if (unknown.length)
      throw new Error(`resources/review/${name} 中的评查规则没有对应的检查程序：${unknown.join('、')}`);
    return parsed.data;
  });
  const newest = all.sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
  if (!newest) throw new Error('resources/review 中没有评查标准');
  return newest;
}

let cached: ReviewCriteria | null = null;
/** The shipped criteria, read once. */
export function shippedReviewCriteria(): ReviewCriteria {
  cached ??= loadReviewCriteria();
  return cached;
}
