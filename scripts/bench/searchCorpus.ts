/**
 * Synthetic case documents for the search bench: 1 to 3 pages (about 800 characters a page) of
 * the Chinese an 生态环境 penalty file is written in — sentences of real documents with their
 * slots (party, place, pollutant, article, amount, date) filled from lists, so common words
 * (违反, 生态环境) are in every document and names and numbers in few, as in a real file.
 */
import { pick, seededRandom } from '#core/seed/random.js';

const cities = ['贵阳', '遵义', '六盘水', '安顺', '毕节', '铜仁', '凯里', '都匀', '兴义', '仁怀', '清镇', '盘州'];
const trades = ['化工', '建材', '煤业', '冶金', '制药', '食品', '酿酒', '造纸', '电镀', '印染', '砂石', '物流'];
const kinds = ['有限公司', '有限责任公司', '股份有限公司', '厂', '合作社'];
const heads = ['宏达', '鑫源', '恒丰', '金桥', '天成', '瑞泰', '华盛', '永兴', '富民', '黔峰', '山城', '绿源'];
const pollutants = [
  '化学需氧量',
  '氨氮',
  '总磷',
  '二氧化硫',
  '氮氧化物',
  '颗粒物',
  '挥发性有机物',
  '废水',
  '危险废物',
  '噪声',
];
const places = ['厂区东侧', '雨水排放口', '污水处理站', '原料堆场', '生产车间', '储罐区', '锅炉房', '废水总排口'];
const laws = [
  '《中华人民共和国生态环境法典》',
  '《中华人民共和国行政处罚法》',
  '《中华人民共和国行政强制法》',
  '《生态环境行政处罚办法》',
];
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '罗', '龙'];
const given = ['伟', '强', '娜', '敏', '军', '磊', '洋', '勇', '艳', '杰', '涛', '明'];

const sentences: Array<(r: () => number, c: CaseFacts) => string> = [
  (r, c) =>
    `${c.date}，我局执法人员${c.officer}、${pick(r, surnames)}${pick(r, given)}对${c.party}进行现场检查，出示了执法证件，告知了当事人依法享有的权利。`,
  (r, c) =>
    `经查，${c.party}于${c.date}在${pick(r, places)}通过暗管排放${pick(r, pollutants)}，经监测超过国家规定的排放标准${1 + Math.floor(r() * 9)}.${Math.floor(r() * 10)}倍。`,
  (r) =>
    `上述行为违反了${pick(r, laws)}第${pick(r, numerals)}百${pick(r, numerals)}十${pick(r, numerals)}条的规定，依据同法第${pick(r, numerals)}百${pick(r, numerals)}十条，应当予以处罚。`,
  (_r, c) => `当事人统一社会信用代码为${c.uscc}，法定代表人${c.representative}，住所地位于${c.city}市。`,
  (r) =>
    `以上事实有现场检查（勘察）笔录、调查询问笔录、监测报告、现场照片${2 + Math.floor(r() * 20)}张及当事人营业执照复印件等证据为证。`,
  (r) =>
    `根据${pick(r, laws)}的规定，当事人有权进行陈述、申辩，并可在收到本告知书之日起五日内提出听证要求，逾期视为放弃。`,
  (r, c) =>
    `本机关决定对${c.party}处罚款人民币${10 + Math.floor(r() * 90)}万元，并责令立即改正违法行为，停止排放${pick(r, pollutants)}。`,
  () =>
    '当事人应当自收到本决定书之日起十五日内，将罚款缴至指定银行或者通过电子支付系统缴纳，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。',
  (_r, c) =>
    `如不服本决定，可以在收到本决定书之日起六十日内向${c.city}市人民政府申请行政复议，或者在六个月内向${c.city}市人民法院提起行政诉讼。`,
  (r) =>
    `执法人员对${pick(r, places)}的${pick(r, trades)}生产设施、污染防治设施运行情况和${pick(r, pollutants)}治理情况进行了检查，并制作了笔录。`,
  (r) => `经集体讨论，认为本案事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意按照${pick(r, laws)}予以处罚。`,
  (_r, c) =>
    `${c.number}案中，当事人在规定期限内未提出陈述申辩意见，亦未要求听证，案件调查终结时间为${c.date}，承办人${c.officer}。`,
];

export interface CaseFacts {
  party: string;
  uscc: string;
  representative: string;
  city: string;
  number: string;
  officer: string;
  date: string;
}

const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function syntheticCase(r: () => number, i: number): CaseFacts {
  const city = pick(r, cities);
  return {
    party: `${city}${pick(r, heads)}${pick(r, trades)}${pick(r, kinds)}`,
    uscc: `9152${String(Math.floor(r() * 1e4)).padStart(4, '0')}${Array.from({ length: 10 }, () => pick(r, [...usccChars])).join('')}`,
    representative: `${pick(r, surnames)}${pick(r, given)}${pick(r, given)}`,
    city,
    number: `黔环罚〔${2020 + (i % 7)}〕${(i % 900) + 1}号`,
    officer: `${pick(r, surnames)}${pick(r, given)}`,
    date: `${2020 + (i % 7)}年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`,
  };
}

/** One document of a case: 1–3 pages, ~800 characters a page. */
export function syntheticDocument(r: () => number, c: CaseFacts): string {
  const target = 800 * (1 + Math.floor(r() * 3));
  const out: string[] = [];
  let n = 0;
  while (n < target) {
    const s = pick(r, sentences)(r, c);
    out.push(s);
    n += s.length;
  }
  return out.join('\n');
}

export { seededRandom };
