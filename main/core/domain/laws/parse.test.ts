import { describe, expect, it } from 'vitest';
import { LawFormatError, isTemplateFile, parseLawMarkdown } from './parse.js';
import { readSharedLaw, sharedLawFile, sharedLawNames, sharedLawsPresent } from '#core/testing/sharedLaws.js';

const sample = [
  '# 中华人民共和国示例污染防治法',
  '',
  '2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一章　总　　则',
  '',
  '第一条 为了示例，制定本法。',
  '',
  '## 第二章 法律责任',
  '### 第一节 罚款',
  '',
  '第二条 违反本法规定，有下列行为之一的，处十万元以上一百万元以下的罚款：',
  '',
  '（一）未取得许可排放的；',
  '',
  '(二)超标排放的。',
  '',
  '前款规定以外的，处五万元以下的罚款。',
  '',
  '第三条',
  '本法自2016年1月1日起施行。',
].join('\n');

function formatError(fileName: string, content: string): LawFormatError {
  try {
    parseLawMarkdown(fileName, content);
  } catch (e) {
    if (e instanceof LawFormatError) return e;
    throw e;
  }
  throw new Error('expected a LawFormatError');
}

describe('parsing the statute Markdown format', () => {
  it('reads title, version, commencement, chapters, paragraphs and items', () => {
    const law = parseLawMarkdown('示例污染防治法(2015-08-29).md', sample);
    expect(law.fullName).toBe('中华人民共和国示例污染防治法');
    expect(law.shortName).toBe('示例污染防治法');
    expect(law.versionDate).toBe('2015-08-29');
    expect(law.versionDateSource).toBe('file-name');
    expect(law.effectiveFrom).toBe('2016-01-01');
    expect(law.effectiveFromSource).toBe('final-article');
    expect(law.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
    const second = law.articles[1]!;
    expect(second.chapter).toBe('第二章 法律责任 第一节 罚款');
    expect(second.line).toBe(14);
    expect(second.paragraphs).toHaveLength(2);
    expect(second.paragraphs[0]!.items.map((i) => [i.number, i.label, i.text])).toEqual([
      [1, '（一）', '未取得许可排放的；'],
      [2, '（二）', '超标排放的。'],
    ]);
    expect(second.paragraphs[1]!.text).toBe('前款规定以外的，处五万元以下的罚款。');
    expect(second.text).toBe(
      '违反本法规定，有下列行为之一的，处十万元以上一百万元以下的罚款：\n（一）未取得许可排放的；\n（二）超标排放的。\n前款规定以外的，处五万元以下的罚款。',
    );
    expect(law.articles[0]!.chapter).toBe('第一章 总则');
    // 第三条 alone on its line: the next line is its first paragraph, not a second one.
    expect(law.articles[2]!.paragraphs).toEqual([{ text: '本法自2016年1月1日起施行。', items: [] }]);
    expect(law.warnings).toEqual([]);
  });

  it('takes the version date from the dated lines when the file name has none, and a 施行 line as commencement', () => {
    const text = sample.replace('<!-- INFO END -->', '2016年3月1日 施行\n\n<!-- INFO END -->');
    const law = parseLawMarkdown('示例.md', text);
    expect(law.versionDate).toBe('2015-08-29');
    expect(law.versionDateSource).toBe('history');
    expect(law.effectiveFrom).toBe('2016-03-01');
    expect(law.effectiveFromSource).toBe('header');
  });

  it("does not take an amended law's original commencement for the amendment's", () => {
    // 大气法 2018 (amended) still ends "本法自2016年1月1日起施行".
    const law = parseLawMarkdown('示例污染防治法(2018-10-26).md', sample);
    expect(law.effectiveFrom).toBe('2018-10-26');
    expect(law.effectiveFromSource).toBe('version-date');
  });

  it('supports 第X条之一 and a part (subtitle) that starts later than 第一条', () => {
    const text = [
      '# 中华人民共和国示例法典',
      '# 第二编',
      '2020年5月28日 通过',
      '<!-- INFO END -->',
      '第十条 甲。',
      '第十条之一 乙。',
      '第十一条 丙。',
    ].join('\n');
    const law = parseLawMarkdown('示例法典.md', text);
    expect(law.part).toBe('第二编');
    expect(law.articles.map((a) => [a.number, a.sub, a.label])).toEqual([
      [10, 0, '第十条'],
      [10, 1, '第十条之一'],
      [11, 0, '第十一条'],
    ]);
  });

  it('warns when the text seems cut short (no commencement clause at the end)', () => {
    const law = parseLawMarkdown('示例.md', sample.replace('本法自2016年1月1日起施行。', '本法由国务院解释。'));
    expect(law.warnings.join()).toMatch(/没有施行日期条款/);
  });

  it('recognises the template file', () => {
    expect(isTemplateFile('法律法规模版.md', '')).toBe(true);
    expect(isTemplateFile('x.md', '---\nbookHidden: true\n---\n# 某条法律的标题')).toBe(true);
    expect(isTemplateFile('大气污染防治法(2018-10-26).md', sample)).toBe(false);
  });
});

describe('malformed input gives a Chinese error with the line number', () => {
  it.each([
    ['not Markdown', 'law.docx', sample, null, /不是Markdown文件/],
    ['empty', 'a.md', ' \n\u200b\n', null, /文件为空/],
    ['binary', 'a.md', `# x\u0000`, null, /二进制/],
    ['GBK read as UTF-8', 'a.md', '# 中华\n\ufffd\ufffd法', 2, /不是UTF-8编码/],
    ['no INFO END', 'a.md', '# 某法\n第一条 甲。', null, /INFO END/],
    ['no title', 'a.md', '2015年1月1日 通过\n<!-- INFO END -->\n第一条 甲。', 1, /缺少法律名称/],
    ['no articles', 'a(2015-01-01).md', '# 某法\n<!-- INFO END -->\n## 第一章 总则\n一些说明', null, /未找到任何条文/],
    [
      'gap in numbering',
      'a(2015-01-01).md',
      '# 某法\n<!-- INFO END -->\n第一条 甲。\n第三条 丙。',
      4,
      /条文序号不连续：第一条（第3行）之后是第三条/,
    ],
    ['not starting at 第一条', 'a(2015-01-01).md', '# 某法\n<!-- INFO END -->\n第二条 乙。', 3, /第一个条文应为第一条/],
    [
      'item numbering',
      'a(2015-01-01).md',
      '# 某法\n<!-- INFO END -->\n第一条 甲：\n（一）子；\n（三）丑。',
      5,
      /项的序号不连续：应为（二）/,
    ],
    ['bad date', 'a.md', '# 某法\n2015年2月30日 通过\n<!-- INFO END -->\n第一条 甲。', 2, /日期无效/],
    [
      'two laws in one file',
      'a(2015-01-01).md',
      '# 某法\n<!-- INFO END -->\n第一条 甲。\n# 另一法\n第一条 乙。',
      4,
      /一级标题/,
    ],
    ['no version date', 'a.md', '# 某法\n<!-- INFO END -->\n第一条 甲。', null, /无法确定版本日期/],
    ['bad date in file name', 'a(2015-13-01).md', '# 某法\n<!-- INFO END -->\n第一条 甲。', null, /文件名中的日期无效/],
  ])('%s', (_name, fileName, content, line, message) => {
    const e = formatError(fileName, content);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
    if (line) expect(e.message).toMatch(new RegExp(`^第${line}行：`));
  });
});

describe.skipIf(!sharedLawsPresent)('the statute texts in ../shared/laws', () => {
  it('parses every file in the folder (the template is recognised as such)', () => {
    for (const name of sharedLawNames()) {
      const content = readSharedLaw(name);
      if (isTemplateFile(name, content)) continue;
      expect(() => parseLawMarkdown(name, content), name).not.toThrow();
    }
  });

  it('行政处罚法 (2021): 86 articles, in force 2021-07-15, art. 36 exactly', () => {
    const { name, content } = sharedLawFile('行政处罚法');
    const law = parseLawMarkdown(name, content);
    expect(law.fullName).toBe('中华人民共和国行政处罚法');
    expect(law.articles).toHaveLength(86);
    expect(law.articles.at(-1)!.text).toBe('本法自2021年7月15日起施行。');
    expect(law.versionDate).toBe('2021-01-22');
    expect(law.effectiveFrom).toBe('2021-07-15');
    expect(law.history.map((h) => h.date)).toEqual(['1996-03-17', '2009-08-27', '2017-09-01', '2021-01-22']);
    const a36 = law.articles[35]!;
    expect(a36.label).toBe('第三十六条');
    expect(a36.chapter).toBe('第四章 行政处罚的管辖和适用');
    expect(a36.text).toBe(
      '违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。\n' +
        '前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。',
    );
    expect(a36.paragraphs).toHaveLength(2);
    expect(law.articles[36]!.text).toMatch(/^实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，/);
  });

  it('大气污染防治法 (2018): 129 articles, art. 99 with its three items', () => {
    const { name, content } = sharedLawFile('大气污染防治法');
    const law = parseLawMarkdown(name, content);
    expect(law.articles).toHaveLength(129);
    expect(law.effectiveFromSource).toBe('version-date'); // the 2018 amendment is not dated in the text
    const a99 = law.articles.find((a) => a.number === 99)!;
    expect(a99.chapter).toBe('第七章 法律责任');
    expect(a99.paragraphs).toHaveLength(1);
    expect(a99.paragraphs[0]!.text).toBe(
      '违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭：',
    );
    expect(a99.paragraphs[0]!.items.map((i) => i.text)).toEqual([
      '未依法取得排污许可证排放大气污染物的；',
      '超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的；',
      '通过逃避监管的方式排放大气污染物的。',
    ]);
  });

  it('环境影响评价法 (2018): 37 articles; art. 16 has its items in the second paragraph; art. 31 four paragraphs', () => {
    const { name, content } = sharedLawFile('环境影响评价法');
    const law = parseLawMarkdown(name, content);
    expect(law.articles).toHaveLength(37);
    const a16 = law.articles[15]!;
    expect(a16.paragraphs.map((p) => p.items.length)).toEqual([0, 3, 0]);
    expect(a16.paragraphs[1]!.items[0]!.text).toBe(
      '可能造成重大环境影响的，应当编制环境影响报告书，对产生的环境影响进行全面评价；',
    );
    const a31 = law.articles[30]!;
    expect(a31.paragraphs).toHaveLength(4);
    expect(a31.paragraphs[2]!.text).toBe(
      '建设单位未依法备案建设项目环境影响登记表的，由县级以上生态环境主管部门责令备案，处五万元以下的罚款。',
    );
    expect(law.articles[24]!.text).toBe(
      '建设项目的环境影响评价文件未依法经审批部门审查或者审查后未予批准的，建设单位不得开工建设。',
    );
  });

  it('排污许可管理条例 takes commencement from its 施行 line; 民事诉讼法 nests 编 and 章', () => {
    const permits = parseLawMarkdown(sharedLawFile('排污许可管理条例').name, sharedLawFile('排污许可管理条例').content);
    expect([permits.effectiveFrom, permits.effectiveFromSource, permits.articles.length]).toEqual([
      '2021-03-01',
      'header',
      51,
    ]);
    const civil = parseLawMarkdown(sharedLawFile('民事诉讼法').name, sharedLawFile('民事诉讼法').content);
    expect(civil.articles).toHaveLength(306);
    expect(civil.articles[0]!.chapter).toBe('第一编 总则 第一章 任务、适用范围和基本原则');
  });
});
