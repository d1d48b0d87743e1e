import { describe, expect, it } from 'vitest';
import { divisionsOf, lawOutline, outlineNodes, placeText } from './divisions.js';
import { parseLawMarkdown } from './parse.js';
import { sharedLawFile, sharedLawsPresent } from '#core/testing/sharedLaws.js';

describe('the levels above an article', () => {
  it('reads 编, 分编, 章 and 节 from the headings the parser keeps', () => {
    expect(divisionsOf('第五编 法律责任和附则 第二章 法律责任分则 第三节 违反排污许可管理规定')).toEqual([
      { kind: '编', number: 5, label: '第五编', title: '法律责任和附则' },
      { kind: '章', number: 2, label: '第二章', title: '法律责任分则' },
      { kind: '节', number: 3, label: '第三节', title: '违反排污许可管理规定' },
    ]);
    expect(
      divisionsOf('第二编 污染防治 第二分编 大气污染防治 第四章 大气污染防治措施').map((d) => [d.kind, d.number]),
    ).toEqual([
      ['编', 2],
      ['分编', 2],
      ['章', 4],
    ]);
    expect(divisionsOf('第三十二章 铀（钍）矿和伴生放射性矿开发利用放射性污染防治')[0]).toMatchObject({
      kind: '章',
      number: 32,
    });
    expect(divisionsOf('')).toEqual([]);
  });

  it('keeps headings without a number or a title, and 篇/部分, as they are', () => {
    expect(divisionsOf('第一节 第二节 罚款')).toEqual([
      { kind: '节', number: 1, label: '第一节', title: '' },
      { kind: '节', number: 2, label: '第二节', title: '罚款' },
    ]);
    expect(divisionsOf('第一章 总则 附 则')).toEqual([
      { kind: '章', number: 1, label: '第一章', title: '总则' },
      { kind: '其他', number: null, label: '附 则', title: '' },
    ]);
    expect(divisionsOf('第一篇 通则')[0]).toMatchObject({ kind: '其他', number: 1, label: '第一篇', title: '通则' });
  });

  it("writes an article's place", () => {
    expect(placeText(divisionsOf('第五编 法律责任和附则 第二章 法律责任分则'))).toBe(
      '第五编 法律责任和附则 › 第二章 法律责任分则',
    );
  });
});

describe('the outline (目录)', () => {
  const a = (number: number, chapter: string) => ({ number, sub: 0, label: `第${number}条`, chapter });

  it('nests divisions and gives each its article range', () => {
    const outline = lawOutline([
      a(1, '第一编 总则 第一章 基本规定'),
      a(2, '第一编 总则 第一章 基本规定'),
      a(3, '第一编 总则 第二章 监督管理 第一节 体制'),
      a(4, '第一编 总则 第二章 监督管理 第二节 制度'),
      a(5, '第二编 污染防治 第一分编 通则 第一章 一般规定'),
    ]);
    expect(outline.map((n) => [n.label, n.first.number, n.last.number, n.articleCount])).toEqual([
      ['第一编', 1, 4, 4],
      ['第二编', 5, 5, 1],
    ]);
    const [first] = outline;
    expect(first!.children.map((n) => [n.label, n.first.number, n.last.number])).toEqual([
      ['第一章', 1, 2],
      ['第二章', 3, 4],
    ]);
    expect(first!.children[1]!.children.map((n) => n.title)).toEqual(['体制', '制度']);
    expect(outline[1]!.children[0]).toMatchObject({
      kind: '分编',
      title: '通则',
      key: '第二编 污染防治 第一分编 通则',
    });
    // The same 第一章 under another 编 is another node.
    expect(outlineNodes(outline).filter((n) => n.label === '第一章')).toHaveLength(2);
  });

  it('is empty for a law without headings', () => {
    expect(lawOutline([a(1, ''), a(2, '')])).toEqual([]);
  });
});

describe.skipIf(!sharedLawsPresent)('the 生态环境法典 in ../shared/laws', () => {
  const { name, content } = sharedLawsPresent ? sharedLawFile('生态环境法典') : { name: '', content: '' };
  const law = sharedLawsPresent ? parseLawMarkdown(name, content) : null;

  it('has 1,242 articles in 5 编; 第二编 has its 分编; 第五编 runs from 第一千零五十二条 to the end', () => {
    expect(law!.articles).toHaveLength(1242);
    const outline = lawOutline(law!.articles);
    expect(outline.map((n) => `${n.label} ${n.title}`)).toEqual([
      '第一编 总则',
      '第二编 污染防治',
      '第三编 生态保护',
      '第四编 绿色低碳发展',
      '第五编 法律责任和附则',
    ]);
    expect(outline.reduce((s, n) => s + n.articleCount, 0)).toBe(1242);
    const pollution = outline[1]!;
    // The transcription has 9 分编 (the ninth: 化学物质污染风险管控、电磁辐射和光污染防治); domain.md says 8.
    expect(pollution.children.every((n) => n.kind === '分编')).toBe(true);
    expect(pollution.children.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pollution.children[1]!.title).toBe('大气污染防治');
    expect(outline[4]!.first.label).toBe('第一千零五十二条');
    expect(outline[4]!.last.label).toBe('第一千二百四十二条');
    const nodes = outlineNodes(outline);
    expect(nodes.filter((n) => n.kind === '编')).toHaveLength(5);
    expect(nodes.filter((n) => n.kind === '其他')).toEqual([]);
    // Article ranges of the children tile their parent without gaps.
    for (const n of nodes) {
      if (!n.children.length) continue;
      expect(n.children.reduce((s, c) => s + c.articleCount, 0)).toBe(n.articleCount);
    }
  });

  it('places each article: 第一千一百零七条 under 第五编 › 第二章 › 第三节; an air-pollution article under its 分编', () => {
    const art = law!.articles.find((x) => x.number === 1107)!;
    const d = divisionsOf(art.chapter);
    expect(d.map((x) => [x.kind, x.number])).toEqual([
      ['编', 5],
      ['章', 2],
      ['节', 3],
    ]);
    expect(placeText(d)).toBe('第五编 法律责任和附则 › 第二章 法律责任分则 › 第三节 违反排污许可管理规定');
    const coal = law!.articles.find((x) => x.chapter.includes('燃煤和其他能源大气污染防治'))!;
    expect(divisionsOf(coal.chapter).map((x) => `${x.label} ${x.title}`)).toEqual([
      '第二编 污染防治',
      '第二分编 大气污染防治',
      '第四章 大气污染防治措施',
      '第一节 燃煤和其他能源大气污染防治',
    ]);
  });

  it('builds the outline of 1,242 articles quickly', () => {
    // The best of ten runs, so a busy machine does not fail it; a few milliseconds here.
    const runs = Array.from({ length: 10 }, () => {
      const t0 = performance.now();
      lawOutline(law!.articles);
      return performance.now() - t0;
    });
    expect(Math.min(...runs)).toBeLessThan(50);
  });
});
