/**
 * Synthetic enterprises for the demo bureau, tests and benchmarks: realistic Guizhou names and
 * addresses, valid 统一社会信用代码 (GB 32100 check character). Deterministic for a given seed.
 */
import type { Enterprise } from '#common/schemas/reference.js';
import { usccCheckChar } from '../domain/uscc.js';
import { pick, seededRandom } from './random.js';

const counties = [
  { code: '522627', name: '天柱县', prefix: '天柱' },
  { code: '522601', name: '凯里市', prefix: '凯里' },
  { code: '522626', name: '岑巩县', prefix: '岑巩' },
  { code: '522628', name: '锦屏县', prefix: '锦屏' },
  { code: '522631', name: '黎平县', prefix: '黎平' },
];
export const words = [
  '鑫源',
  '恒达',
  '宏盛',
  '黔峰',
  '清江',
  '金泰',
  '瑞丰',
  '华鼎',
  '永安',
  '兴旺',
  '绿源',
  '天成',
  '顺发',
  '联创',
  '远航',
  '汇通',
  '福临',
  '新锐',
  '国泰',
  '龙腾',
];
export const trades = [
  '塑料再生',
  '砂石',
  '建材',
  '化工',
  '养殖',
  '木业',
  '食品',
  '酒业',
  '矿业',
  '混凝土',
  '印染',
  '电镀',
  '机械制造',
  '包装材料',
  '汽车维修',
];
export const forms = ['有限公司', '有限责任公司', '厂', '合作社'];
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '吴', '龙', '杨', '姚', '潘', '罗'];
export const given = ['建华', '明', '国强', '秀英', '志刚', '丽', '海', '光荣', '德胜', '小红', '永福', '金花'];
const towns = ['凤城街道', '邦洞街道', '坌处镇', '白市镇', '远口镇', '高酿镇', '石洞镇', '渡马镇', '瓮洞镇', '蓝田镇'];
const orgAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function makeUscc(rnd: () => number, areaCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += orgAlphabet[Math.floor(rnd() * 31)]!;
  const first17 = `91${areaCode}${org}`;
  return first17 + usccCheckChar(first17)!;
}

export function syntheticEnterprises(count: number, seed = 20261126): Enterprise[] {
  const rnd = seededRandom(seed);
  const out: Enterprise[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    const c = pick(rnd, counties);
    let name = `${c.prefix}${pick(rnd, words)}${pick(rnd, trades)}${pick(rnd, forms)}`;
    if (names.has(name))
      name = `${c.prefix}${pick(rnd, words)}${pick(rnd, words)}${pick(rnd, trades)}${pick(rnd, forms)}`;
    if (names.has(name)) name = `${name.replace(/(有限公司|有限责任公司|厂|合作社)$/, '')}第${i}分公司`;
    const uscc = makeUscc(rnd, c.code);
    if (names.has(name) || codes.has(uscc)) continue;
    names.add(name);
    codes.add(uscc);
    out.push({
      id: `ent-${String(out.length + 1).padStart(6, '0')}`,
      name,
      uscc,
      legalRepresentative: pick(rnd, surnames) + pick(rnd, given),
      address: `贵州省黔东南苗族侗族自治州${c.name}${pick(rnd, towns)}${1 + Math.floor(rnd() * 200)}号`,
      county: c.name,
    });
  }
  return out;
}
