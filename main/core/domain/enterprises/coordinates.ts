/**
 * Longitude and latitude of an enterprise: decimal degrees (106.71) or degrees, minutes and seconds
 * (106°42′36″). Coordinates must lie in China; outside Guizhou is only remarked, since a Guizhou
 * bureau's directory can hold a company registered elsewhere.
 */
import type { Cell } from './cell.js';

export type Coordinate = { value: number } | { bad: string } | null;

export function parseCoordinate(raw: Cell | undefined): Coordinate {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { bad: String(raw) };
  const v = (raw ?? '').trim();
  if (!v) return null;
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return { value: Number(v) };
  const dms =
    /^(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*[′'分]\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*[″"秒]?\s*)?([EWNS东西南北])?$/i.exec(
      v,
    );
  if (dms) {
    const value = Math.round((Number(dms[1]) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600) * 1e6) / 1e6;
    return { value: /^[WS西南]$/i.test(dms[4] ?? '') ? -value : value };
  }
  return { bad: v };
}

const china = { lon: [73, 136], lat: [3, 54] } as const;
const guizhou = { lon: [103.5, 109.7], lat: [24.5, 29.3] } as const;
const inRange = (v: number, [lo, hi]: readonly [number, number]): boolean => v >= lo && v <= hi;

export function checkCoordinates(
  lon: Coordinate,
  lat: Coordinate,
  inGuizhou: boolean,
): { longitude: number | null; latitude: number | null; errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const none = { longitude: null, latitude: null };
  if (!lon && !lat) return { ...none, errors, warnings };
  if (lon && 'bad' in lon) errors.push(`经度“${lon.bad}”不是数字`);
  if (lat && 'bad' in lat) errors.push(`纬度“${lat.bad}”不是数字`);
  if (errors.length) return { ...none, errors, warnings };
  if (!lon || !lat) return { ...none, errors: [lon ? '只有经度，缺少纬度' : '只有纬度，缺少经度'], warnings };
  const x = (lon as { value: number }).value;
  const y = (lat as { value: number }).value;
  if (!inRange(x, china.lon) || !inRange(y, china.lat)) {
    const swapped = inRange(y, china.lon) && inRange(x, china.lat);
    errors.push(
      `经纬度（${x}，${y}）超出中国范围（经度73°至136°，纬度3°至54°）${swapped ? '，可能经度和纬度填反了' : ''}`,
    );
    return { ...none, errors, warnings };
  }
  if (inGuizhou && (!inRange(x, guizhou.lon) || !inRange(y, guizhou.lat)))
    warnings.push(`经纬度（${x}，${y}）不在贵州省范围内`);
  return { longitude: x, latitude: y, errors, warnings };
}
