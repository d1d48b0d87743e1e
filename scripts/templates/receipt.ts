/**
 * 送达回证: proves service (处罚法 art. 61 applies the 民事诉讼法 rules). Name and number of the
 * document, the addressee and its address, place, method, the officers who served it, the receiver
 * with the capacity in which he received it (法定代表人, 负责收件的人 …, 民事诉讼法 art. 88), his
 * signature and date; a refusal as art. 89 says: noted with a witness and the document left at the
 * residence, or the document left at the residence and the service recorded by photo or video.
 */
import { cell, labelCell, recordHead } from './blocks.js';
import { c, entry, i, order, type CatalogEntry } from './fields.js';
import { para, size, table } from './ooxml.js';

export function serviceReceipt(): string[] {
  const sig = '（签名）：　　　　　　　　年　　月　　日';
  return [
    ...recordHead('送 达 回 证'),
    table(
      [40, 116],
      [
        { minHeightMm: 14, cells: [labelCell('送达文书名称及文号'), cell('《{servedDocument}》{servedNumberRef}')] },
        { minHeightMm: 14, cells: [labelCell('受送达人'), cell(['{partyName}', '住所：{partyAddress}'])] },
        { minHeightMm: 12, cells: [labelCell('送达地点'), cell('{serviceAddress}')] },
        { minHeightMm: 12, cells: [labelCell('送达方式'), cell('{serviceMethod}')] },
        { minHeightMm: 12, cells: [labelCell('送达日期'), cell('{servedOn}')] },
        { minHeightMm: 18, cells: [labelCell('送达人'), cell(['{officersWithCerts}', `送达人${sig}`])] },
        {
          minHeightMm: 18,
          cells: [labelCell('收件人及身份'), cell(['{recipient}（{recipientCapacity}）', `收件人${sig}`])],
        },
        { minHeightMm: 16, cells: [labelCell('见证人'), cell(['', `见证人${sig}`])] },
        { minHeightMm: 12, cells: [labelCell('备　　注'), cell('{serviceNote}')] },
      ],
    ),
    para(
      '注：1．受送达人是法人的，由其法定代表人或者负责收件的人签收；是其他组织的，由其主要负责人或者负责收件的人签收；是公民的，由本人签收，本人不在的交其同住成年家属签收；也可以由其代理人或者指定的代收人签收（《中华人民共和国民事诉讼法》第八十八条）。',
      { sz: size.五号, line: 16, before: 6 },
    ),
    para(
      '2．受送达人拒绝接收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在本回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所；也可以把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程，即视为送达（《中华人民共和国民事诉讼法》第八十九条）。',
      { sz: size.五号, line: 16 },
    ),
  ];
}

/** Every node where a document is served: the notice, the decision, the orders of the tracks. */
export const receiptEntries: CatalogEntry[] = [
  entry(
    {
      id: 'service-receipt',
      name: '送达回证', // Wherever a document is handed to the party (kept in step with the procedure files' node documents).
      volume: '正卷',
      order: order['service-receipt'],
      numberPattern: null,
      signer: '送达人、收件人',
      version: '2026.3',
      fields: [
        c('partyName', '受送达人'),
        c('partyAddress', '受送达人住所'),
        c('officersWithCerts', '送达人'),
        c('servedNumberRef', '送达文书文号'),
        i('servedDocument', '送达文书', 'text'),
        i('servedOn', '送达日期', 'date'),
        i('serviceMethod', '送达方式', 'text'),
        i('serviceAddress', '送达地点', 'text'),
        i('recipient', '收件人', 'text'),
        i(
          'recipientCapacity',
          '收件人身份（法定代表人、主要负责人、负责收件的人、本人、同住成年家属、代理人或代收人）',
          'text',
        ),
        i('serviceNote', '备注', 'multiline', false),
      ],
    },
    'pageOfPages',
    serviceReceipt,
  ),
];
