/** Small statute files in the shared/laws Markdown format, for tests that must not depend on that folder. */

export interface LawFixture {
  title?: string;
  /** Dated header lines, e.g. ['2015年8月29日 通过']. */
  history?: string[];
  /** Article bodies in order (第一条, 第二条, …); items and further paragraphs on new lines. */
  articles: string[];
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function lawMarkdown(f: LawFixture): string {
  if (f.articles.length > 10) throw new Error('fixture supports up to 十 articles');
  return [
    `# ${f.title ?? '中华人民共和国示例污染防治法'}`,
    '',
    ...(f.history ?? ['2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过']).flatMap((h) => [h, '']),
    '<!-- INFO END -->',
    '',
    '## 第一章 总则',
    '',
    ...f.articles.flatMap((body, i) => [`第${numerals[i]}条 ${body}`, '']),
  ].join('\n');
}

/** A penalty law in two versions: the 2021 text lowers the fine of 第二条 and takes effect 2021-07-15. */
export const exampleLaw2015 = lawMarkdown({
  articles: [
    '为了示例，制定本法。',
    '违反本法规定，有下列行为之一的，由生态环境主管部门责令改正，并处十万元以上一百万元以下的罚款：\n（一）未取得排污许可证排放大气污染物的；\n（二）超过排放标准排放大气污染物的。',
    '本法自2016年1月1日起施行。',
  ],
});

export const exampleLaw2021 = lawMarkdown({
  history: [
    '2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过',
    '2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订',
  ],
  articles: [
    '为了示例，制定本法。',
    '违反本法规定，有下列行为之一的，由生态环境主管部门责令改正，并处五万元以上五十万元以下的罚款：\n（一）未取得排污许可证排放大气污染物的；\n（二）超过排放标准排放大气污染物的。',
    '本法自2021年7月15日起施行。',
  ],
});
