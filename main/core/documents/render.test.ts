import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import type { TemplateInfo } from '../../../common/schemas/documents.js';
import { templatesDir } from '../paths.js';
import { sampleBureau, sampleCaseState, sampleDecisionNumber, sampleDocx, sampleInputs, sampleNoticeNumber, sampleUscc } from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { docxText, renderDocx } from './render.js';
import { buildTemplateData } from './templateData.js';

const manifest = loadManifest();
const tpl = (id: string): TemplateInfo => findTemplate(manifest, id);
const textOf = (id: string, fields?: Record<string, string>): string => docxText(sampleDocx(tpl(id), fields));
const templateXml = (t: TemplateInfo, part = 'word/document.xml'): string =>
  new PizZip(readFileSync(join(templatesDir(), t.file))).file(part)!.asText();

async function appError(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** The sample template with its document.xml changed, to make broken templates from good ones. */
function tampered(t: TemplateInfo, change: (xml: string) => string): Buffer {
  const zip = new PizZip(readFileSync(join(templatesDir(), t.file)));
  zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}
const sampleData = (t: TemplateInfo) => buildTemplateData({
  state: sampleCaseState(), bureau: sampleBureau, number: null, fields: sampleInputs[t.id] ?? {}, today: '2026-03-23',
});

describe('every template', () => {
  it.each(manifest.map((t) => [t.id, t] as const))('%s renders the sample case with no tag left over', (_id, t) => {
    const text = docxText(sampleDocx(t));
    expect(text).toContain('贵州某某塑料再生有限公司');
    expect(text).not.toMatch(/[{}]/);
  });

  it.each(manifest.map((t) => [t.id, t] as const))('%s is an A4 official-format document Word can open', (_id, t) => {
    const xml = templateXml(t);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    // GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips).
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:eastAsia="(宋体|仿宋|黑体)"/);
    if (xml.includes('<w:tbl>')) expect(xml.match(/<w:tr>/g)!.length).toBe(xml.match(/<w:cantSplit\/>/g)!.length);
    expect(templateXml(t, 'word/footer1.xml')).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>/);
    expect(templateXml(t, '[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
  });

  it.each(manifest.map((t) => [t.id, t] as const))('%s uses only tags the data builder or its form supplies', (_id, t) => {
    const data = sampleData(t);
    const loopScopes: Record<string, string[]> = { evidenceList: ['seq', 'text'], officers: ['seq', 'name', 'certificateNo'] };
    const known = new Set([...Object.keys(data), ...t.fields.map((f) => f.key), ...Object.values(loopScopes).flat()]);
    const tags = [...docxText(readFileSync(join(templatesDir(), t.file))).matchAll(/\{[#/^]?([^{}]+)\}/g)].map((m) => m[1]!);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(known.has(tag), `{${tag}} in ${t.file}`).toBe(true);
    for (const f of t.fields.filter((x) => x.source === 'case')) expect(data, `case field ${f.key}`).toHaveProperty(f.key);
  });
});

describe('what the law requires of each document', () => {
  it('立案审批表: the party, the suspected breach, the officers, the approval boxes', () => {
    const text = textOf('filing-approval');
    for (const s of ['立案审批表', '黔东南环天立字〔2026〕12号', sampleUscc, '吴志刚', '《中华人民共和国环境影响评价法》第二十五条',
      '第五十四条第二款', '张伟（执法证号：贵环执字522627001）', '承办人意见', '审核意见', '负责人审批意见']) expect(text).toContain(s);
  });

  it('现场检查(勘察)笔录: Guizhou branding, time, place, officers with certificates, findings, signatures', () => {
    const text = textOf('inspection-record');
    for (const s of ['贵州省生态环境保护执法', '现场检查(勘察)笔录', '2026年3月2日9时30分至2026年3月2日11时10分', '生产厂区',
      '张伟（执法证号：贵环执字522627001）', '李娜（执法证号：贵环执字522627002）', '记录人', '出示执法证件', '申请回避',
      '两条废塑料造粒生产线', '现场负责人（签名）', '检查(勘察)人（签名）', '记录人（签名）']) expect(text).toContain(s);
  });

  it('调查询问笔录: the person questioned, the officers, the warnings, the questions and answers, signatures', () => {
    const text = textOf('interview-record');
    for (const s of ['贵州省生态环境保护执法', '调查询问笔录', '2026年3月4日14时00分', '被询问人：吴志刚', '法定代表人',
      '贵环执字522627001', '如实回答', '申请回避', '问：项目什么时候开工建设的？', '被询问人（签名）', '询问人（签名）']) expect(text).toContain(s);
    // The optional identity-card line is dropped when empty, and printed when given.
    expect(text).not.toContain('身份证号码');
    expect(textOf('interview-record', { ...sampleInputs['interview-record'], intervieweeIdNo: '522627198001010011' })).toContain('身份证号码：522627198001010011');
  });

  it('行政处罚事先告知书: intended penalty, facts, reasons, basis, rights and the five-day period (处罚法 arts. 44, 45, 63, 64)', () => {
    const text = textOf('penalty-notice');
    for (const s of [sampleNoticeNumber, '贵州某某塑料再生有限公司：', '未报经生态环境主管部门审批', '以上事实，有下列证据为证',
      '违反了《中华人民共和国环境影响评价法》第二十五条', '依据《中华人民共和国环境影响评价法》第三十一条第一款', '百分之二',
      '罚款人民币壹拾万元整（¥100,000.00）', '陈述、申辩的权利', '有权要求举行听证', '五个工作日', '逾期未提出的，视为放弃',
      '不会因你单位陈述、申辩而给予更重的处罚', '黔东南州生态环境局天柱分局', '（印章）', '二〇二六年三月二十三日']) expect(text).toContain(s);
  });

  it('行政处罚事先告知书 without a hearing right says nothing of a hearing', () => {
    const t = tpl('penalty-notice');
    const data = buildTemplateData({ state: sampleCaseState(), bureau: sampleBureau, number: sampleNoticeNumber, fields: {}, today: '2026-03-23', hearingThresholdYuan: 500_000 });
    const text = docxText(renderDocx({ template: t, templateBytes: readFileSync(join(templatesDir(), t.file)), data }));
    expect(text).not.toContain('听证');
    expect(text).toContain('你单位如需进行陈述、申辩，应当在收到本告知书之日起五个工作日内');
  });

  it('行政处罚决定书: everything 处罚法 art. 59 requires', () => {
    const text = textOf('penalty-decision');
    const required = {
      number: sampleDecisionNumber,
      party: '当事人：贵州某某塑料再生有限公司', uscc: `统一社会信用代码：${sampleUscc}`, rep: '法定代表人：吴志刚', address: '地址：贵州省黔东南苗族侗族自治州天柱县',
      facts: '擅自开工建设', evidence: '1．《现场检查(勘察)笔录》',
      notice: `（${sampleNoticeNumber}）`, defence: '未提出陈述、申辩意见',
      breached: '违反了《中华人民共和国环境影响评价法》第二十五条', basis: '依据《中华人民共和国环境影响评价法》第三十一条第一款',
      penalty: '罚款人民币壹拾万元整（¥100,000.00）',
      payment: '自收到本决定书之日起十五日内', bank: '到指定的银行或者通过电子支付系统缴纳罚款', surcharge: '每日按罚款数额的百分之三加处罚款',
      review: '六十日内向黔东南州人民政府申请行政复议', litigation: '六个月内依法向人民法院提起行政诉讼', noSuspension: '不停止执行',
      enforcement: '申请人民法院强制执行', authority: '黔东南州生态环境局天柱分局', seal: '（印章）', date: '二〇二六年三月二十三日',
    };
    for (const [what, s] of Object.entries(required)) expect(text, what).toContain(s);
  });

  it('送达回证: document and number, addressee, place, method, officers, receiver and date', () => {
    const text = textOf('service-receipt');
    for (const s of ['送 达 回 证', `《行政处罚决定书》（${sampleDecisionNumber}）`, '受送达人', '贵州某某塑料再生有限公司办公室', '直接送达',
      '张伟（执法证号：贵环执字522627001）', '送达人（签名）', '吴志刚', '收件人（签名）', '2026年3月24日', '见证人', '第八十九条']) expect(text).toContain(s);
  });

  it('结案审批表: the decision, its service, the payment and the opinions', () => {
    const text = textOf('closing-approval');
    for (const s of ['结案审批表', sampleDecisionNumber, '罚款人民币壹拾万元整', '于2026年3月24日以直接送达方式送达',
      '缴纳罚款人民币100,000.00元（缴款凭证号：5200002600012345）', '罚款已全额缴纳', '处罚决定已执行完毕，建议结案', '负责人审批意见']) expect(text).toContain(s);
  });
});

describe('refusals', () => {
  it('names a required input left empty (FIELDS_REQUIRED)', async () => {
    const t = tpl('inspection-record');
    const { inspectionPlace: _omit, ...fields } = sampleInputs['inspection-record']!;
    const e = await appError(() => sampleDocx(t, { ...fields, inspectionFindings: '   ' }));
    expect(e.code).toBe('FIELDS_REQUIRED');
    expect(e.message).toContain('检查地点');
    expect(e.message).toContain('检查情况');
    expect(e.details).toEqual(['inspectionPlace', 'inspectionFindings']);
  });

  it('leaves an optional input out without complaint', () => {
    const { inspectionEnd: _omit, ...fields } = sampleInputs['inspection-record']!;
    const text = docxText(sampleDocx(tpl('inspection-record'), fields));
    expect(text).toContain('检查(勘察)时间：2026年3月2日9时30分');
    expect(text).not.toContain('至2026');
  });

  it('refuses random bytes as a template (TEMPLATE_INVALID)', async () => {
    const t = tpl('penalty-notice');
    const e = await appError(() => renderDocx({ template: t, templateBytes: randomBytes(4096), data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain(t.file);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new PizZip();
    zip.file('hello.txt', 'not a document');
    const t = tpl('penalty-notice');
    const e = await appError(() => renderDocx({ template: t, templateBytes: zip.generate({ type: 'nodebuffer' }), data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('word/document.xml');
  });

  it('names an unclosed tag and where it is', async () => {
    const t = tpl('penalty-notice');
    const bytes = tampered(t, (xml) => xml.replace('{partyName}：', '{unclosed：'));
    const e = await appError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('unclosed');
    expect(e.message).toMatch(/位置 \d+/);
    expect(e.details).toMatchObject({ template: 'penalty-notice' });
  });

  it('names a tag no data supplies, instead of printing a blank', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) => xml.replace('{partyAddress}', '{partyPhone}'));
    const e = await appError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('{partyPhone}');
    expect(e.details).toMatchObject({ tag: 'partyPhone' });
  });

  it('names an unknown loop', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) => xml.replace('{#evidenceList}', '{#exhibits}').replace('{/evidenceList}', '{/exhibits}'));
    const e = await appError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('exhibits');
  });

  it('names a loop closed by the wrong tag', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) => xml.replace('{/evidenceList}', '{/evidence}'));
    const e = await appError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toMatch(/evidence/);
  });
});

describe('docxText', () => {
  it('keeps paragraphs, line breaks and escaped characters', () => {
    const zip = new PizZip();
    zip.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>甲&amp;乙</w:t><w:br/><w:t xml:space="preserve">丙 </w:t></w:r></w:p>'
      + '<w:p><w:r><w:tab/><w:t>&lt;丁&gt;</w:t></w:r></w:p></w:body></w:document>');
    expect(docxText(zip.generate({ type: 'nodebuffer' }))).toBe('甲&乙\n丙 \n\t<丁>');
  });
});
