/**
 * 双随机: the draw itself, pure — the same seed, candidates and officers give the same assignments on
 * any machine, which is what lets an audit re-run it. The generator is pure-rand's xoroshiro128+ (a
 * published, versioned algorithm: its sequence for a seed does not depend on the JavaScript engine, as
 * Math.random's would) and `uniformInt` its unbiased integer distribution. Counties are drawn in the
 * order of their codes; within a county a partial Fisher–Yates shuffle of the candidates (sorted by
 * 统一社会信用代码) picks the enterprises, then two distinct officers (sorted by id) for each.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const drawAlgorithm =
  'pure-rand 8 xoroshiro128+，种子即任务记录的随机数种子；按县代码升序逐县：候选企业按统一社会信用代码排序后部分 Fisher–Yates 抽取，再为每家企业从持证执法人员（按编号排序）中不重复抽取两名';

export interface CountyPool {
  countyId: string;
  /** 统一社会信用代码, sorted. */
  candidates: readonly string[];
  /** Officers' user ids, sorted. */
  officers: readonly string[];
}

/** A county's pool by its size only: the draw needs no more, so the server never ships the pool out. */
export interface CountySize {
  countyId: string;
  size: number;
  officers: readonly string[];
}

export interface Picked {
  countyId: string;
  position: number;
  /** Index into the county's sorted candidates. */
  index: number;
  officers: [string, string];
}

export interface Drawn {
  countyId: string;
  position: number;
  uscc: string;
  officers: [string, string];
}

/** A seed for a new task: 32 bits, which is what xoroshiro128plus takes. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

const byCounty = <T extends { countyId: string }>(a: T, b: T): number =>
  a.countyId < b.countyId ? -1 : a.countyId > b.countyId ? 1 : 0;

/**
 * The draw on indices: a partial Fisher–Yates over the implicit list 0…size−1 (only the swapped
 * places are kept), so its picks are those of the same shuffle on the list itself.
 */
export function drawIndices(seed: number, perCounty: number, pools: readonly CountySize[]): Picked[] {
  if (!isValidSeed(seed)) throw new RangeError(`invalid seed ${seed}`);
  const rng = xoroshiro128plus(seed);
  const out: Picked[] = [];
  for (const pool of [...pools].sort(byCounty)) {
    const k = Math.min(perCounty, pool.size);
    if (k === 0) continue;
    const m = pool.officers.length;
    if (m < 2) throw new RangeError(`county ${pool.countyId} has fewer than two officers`);
    const moved = new Map<number, number>();
    const at = (i: number): number => moved.get(i) ?? i;
    const picks: number[] = [];
    for (let i = 0; i < k; i++) {
      const j = uniformInt(rng, i, pool.size - 1);
      const a = at(i);
      const b = at(j);
      moved.set(i, b);
      moved.set(j, a);
      picks.push(b);
    }
    for (let i = 0; i < k; i++) {
      const a = uniformInt(rng, 0, m - 1);
      let b = uniformInt(rng, 0, m - 2);
      if (b >= a) b++;
      out.push({
        countyId: pool.countyId,
        position: i + 1,
        index: picks[i]!,
        officers: [pool.officers[a]!, pool.officers[b]!],
      });
    }
  }
  return out;
}

/** The same draw on the candidates themselves (the audit, the tests). */
export function draw(seed: number, perCounty: number, pools: readonly CountyPool[]): Drawn[] {
  const byId = new Map(pools.map((p) => [p.countyId, p]));
  return drawIndices(
    seed,
    perCounty,
    pools.map((p) => ({ countyId: p.countyId, size: p.candidates.length, officers: p.officers })),
  ).map((d) => ({
    countyId: d.countyId,
    position: d.position,
    uscc: byId.get(d.countyId)!.candidates[d.index]!,
    officers: d.officers,
  }));
}
