/**
 * 卷宗封面, 卷内目录 and 备考表 as documents a clerk may print or keep in Word. The dossier builder
 * (main/core/dossier) makes its own PDF versions when it binds the file; these are generated at
 * 已结案 (`closed`), from the case's record. Page numbers in the catalog are left to the binding,
 * as on paper (the catalog is written before the pages are numbered).
 */
import { cell, labelCell, labelled, loopRows, recordStyle, signatureLines, tagLine } from './blocks.js';
import { c, entry, i, order, type CatalogEntry } from './fields.js';
import { para, size, table } from './ooxml.js';

const small = recordStyle;
const title = (text: string): string =>
  para(text, { font: '宋体', bold: true, sz: size.二号, align: 'center', line: 40 });

export function dossierCover(): string[] {
  return [
    para('{bureauName}', { font: '宋体', bold: true, sz: size.小二, align: 'center', line: 32, before: 24 }),
    title('行政处罚案卷'),
    para('（{dossierVolume}）', { align: 'center', sz: size.三号, before: 6 }),
    para('', { line: 40 }),
    table(
      [40, 116],
      [
        { minHeightMm: 16, cells: [labelCell('案卷题名'), cell('{caseTitle}')] },
        { minHeightMm: 12, cells: [labelCell('案件编号'), cell('{caseNumber}')] },
        { minHeightMm: 12, cells: [labelCell('当 事 人'), cell('{partyName}')] },
        { minHeightMm: 12, cells: [labelCell('案　　由'), cell('{violationName}')] },
        { minHeightMm: 12, cells: [labelCell('处理结果'), cell('{outcomeText}')] },
        { minHeightMm: 12, cells: [labelCell('立案日期'), cell('{filedOn}')] },
        { minHeightMm: 12, cells: [labelCell('结案日期'), cell('{closedOnText}')] },
        { minHeightMm: 12, cells: [labelCell('本卷件数、页数'), cell('{dossierExtent}')] },
        { minHeightMm: 12, cells: [labelCell('保管期限'), cell('{dossierRetention}')] },
        { minHeightMm: 12, cells: [labelCell('立 卷 人'), cell('{dossierPreparer}')] },
        { minHeightMm: 12, cells: [labelCell('检 查 人'), cell('{dossierChecker}')] },
        { minHeightMm: 12, cells: [labelCell('立卷日期'), cell('{docDate}')] },
      ],
    ),
  ];
}

export function dossierCatalog(): string[] {
  return [
    title('卷内目录'),
    para('案卷题名：{caseTitle}（{caseNumber}）', { align: 'left', sz: size.小四, line: 24, before: 6 }),
    table(
      [14, 38, 24, 46, 20, 14],
      [
        { cells: ['序号', '文号', '责任者', '题名', '日期', '页号'].map((t) => labelCell(t)) },
        { cells: loopRows('documentRows', ['seq', 'number', 'author', 'title', 'date', 'page']) },
      ],
    ),
    para('注：页号在案卷装订编页后填写。', { align: 'left', sz: size.小四, line: 24, before: 6 }),
  ];
}

export function dossierRemarks(): string[] {
  return [
    title('备 考 表'),
    para('案卷题名：{caseTitle}（{caseNumber}）', { align: 'left', sz: size.小四, line: 24, before: 6 }),
    para('本卷情况说明：', { ...small, bold: true, before: 6 }),
    tagLine('{#remarkLines}'),
    para('{seq}．{text}', { ...small, indentChars: 2 }),
    tagLine('{/remarkLines}'),
    para('本卷共有文件材料{dossierItems}件（其中照片、影像资料{photoCount}件），共{dossierPages}页。', {
      ...small,
      indentChars: 2,
    }),
    tagLine('{#remarksNote}'),
    para('{remarksNote}', { ...small, indentChars: 2 }),
    tagLine('{/remarksNote}'),
    labelled(
      [
        ['立卷人', '{dossierPreparer}'],
        ['检查人', '{dossierChecker}'],
      ],
      { ...small, before: 12 },
    ),
    labelled([['立卷时间', '{docDate}']], small),
    ...signatureLines(small, '立卷人', '检查人'),
  ];
}

const dossierCase = [c('caseTitle', '案卷题名'), c('caseNumber', '案件编号')];
/** 立卷人 is who bound the file (dossier.build): the printed sheets and the bound volume name the same person. */
const people = [c('dossierPreparer', '立卷人（组卷人）'), i('dossierChecker', '检查人', 'text')];

/** Generated at 已结案 (`closed`, the node that lists them), before 立卷归档. */
export const dossierEntries: CatalogEntry[] = [
  entry(
    {
      id: 'dossier-cover',
      name: '卷宗封面',
      volume: '正卷',
      order: order['dossier-cover'],
      numberPattern: null,
      signer: '立卷人、检查人',
      version: '2026.2',
      // 件数、页数, 保管期限 and 立卷人 come from the binding (dossier.build), as the bound cover prints them.
      fields: [
        ...dossierCase,
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('outcomeText', '处理结果'),
        c('filedOn', '立案日期'),
        c('closedOnText', '结案日期'),
        i('dossierVolume', '卷别（正卷或副卷）', 'text'),
        c('dossierExtent', '本卷件数、页数'),
        c('dossierRetention', '保管期限'),
        ...people,
      ],
    },
    'pageOfPages',
    dossierCover,
  ),
  entry(
    {
      id: 'dossier-catalog',
      name: '卷内目录',
      volume: '正卷',
      order: order['dossier-catalog'],
      numberPattern: null,
      signer: '立卷人',
      fields: [...dossierCase, c('documentRows', '卷内文件')],
    },
    'pageOfPages',
    dossierCatalog,
  ),
  entry(
    {
      id: 'dossier-remarks',
      name: '备考表',
      volume: '正卷',
      order: order['dossier-remarks'],
      numberPattern: null,
      signer: '立卷人、检查人',
      version: '2026.2',
      fields: [
        ...dossierCase,
        c('remarkLines', '本卷情况说明'),
        c('dossierItems', '本卷件数'),
        c('dossierPages', '本卷页数'),
        c('photoCount', '照片件数'),
        ...people,
        i('remarksNote', '其他需要说明的情况', 'multiline', false),
      ],
    },
    'pageOfPages',
    dossierRemarks,
  ),
];
