/**
 * 行政处罚事先告知书 (处罚法 arts. 44, 45, 63, 64, 85) and 行政处罚决定书 (处罚法 art. 59: party,
 * facts and evidence, kind and basis, how and by when to comply, review and litigation routes and
 * limits, authority and date, seal).
 */
import { body, heading, numberLine, sealBlock, tagLine } from './blocks.js';
import { para } from './ooxml.js';

const evidence = (): string[] => [
  body('以上事实，有下列证据为证：'),
  tagLine('{#evidenceList}'),
  body('{seq}．{text}'),
  tagLine('{/evidenceList}'),
];

export function penaltyNotice(): string[] {
  return [
    ...heading('行政处罚事先告知书'),
    numberLine(),
    para('{partyName}：', { align: 'left' }),
    body('我局于{filedOn}对你单位涉嫌{violationName}一案立案调查。经查，你单位存在以下环境违法行为：'),
    body('{facts}'),
    ...evidence(),
    body('你单位的上述行为违反了{breachedArticles}的规定。依据{penaltyArticle}关于“{penaltyText}”的规定，{reasoning}我局拟对你单位作出如下行政处罚：'),
    body('罚款人民币{fineWords}（¥{fineFigures}）。'),
    body('根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。我局将对你单位提出的事实、理由和证据进行复核；你单位提出的事实、理由或者证据成立的，我局将予以采纳，不会因你单位陈述、申辩而给予更重的处罚。'),
    tagLine('{#hearingRight}'),
    body('根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。'),
    tagLine('{/hearingRight}'),
    body('你单位如需进行陈述、申辩{#hearingRight}或者要求听证{/hearingRight}，应当在收到本告知书之日起五个工作日内向我局提出（《中华人民共和国行政处罚法》第六十四条、第八十五条）；逾期未提出的，视为放弃上述权利。'),
    body('联系人：{officerNames}'),
    ...sealBlock(),
  ];
}

export function penaltyDecision(): string[] {
  return [
    ...heading('行政处罚决定书'),
    numberLine(),
    para('当事人：{partyName}', { align: 'left' }),
    para('统一社会信用代码：{partyUscc}', { align: 'left' }),
    para('法定代表人：{partyLegalRep}', { align: 'left' }),
    para('地址：{partyAddress}', { align: 'left' }),
    body('我局于{filedOn}对你单位涉嫌{violationName}一案立案调查，现已调查终结。'),
    body('一、环境违法事实和证据', { font: '黑体' }),
    body('{facts}'),
    ...evidence(),
    body('{noticeHistory}'),
    body('二、行政处罚的依据和种类', { font: '黑体' }),
    body('你单位的上述行为违反了{breachedArticles}的规定。依据{penaltyArticle}关于“{penaltyText}”的规定，{reasoning}我局决定对你单位作出如下行政处罚：'),
    body('罚款人民币{fineWords}（¥{fineFigures}）。'),
    body('三、行政处罚决定的履行方式和期限', { font: '黑体' }),
    body('根据《中华人民共和国行政处罚法》第六十七条第三款的规定，你单位应当自收到本决定书之日起十五日内，持本决定书到指定的银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，我局将依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。'),
    body('四、申请行政复议或者提起行政诉讼的途径和期限', { font: '黑体' }),
    body('你单位如不服本处罚决定，可以自收到本决定书之日起六十日内向{reviewOrgan}申请行政复议，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。根据《中华人民共和国行政处罚法》第七十三条的规定，申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。'),
    body('你单位逾期不申请行政复议，不提起行政诉讼，又不履行本处罚决定的，我局将依法申请人民法院强制执行。'),
    ...sealBlock(),
  ];
}
