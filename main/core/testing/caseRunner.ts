/**
 * One scripted case driven through the public operations only, as the clerk, the reviewer and the
 * head would: the users, the clock, the documents and the actions every sample scenario shares.
 */
import { sampleFields } from './sampleFields.js';
import { servedDocumentType } from '#common/documentTypeNames.js';
import { addDays } from '../domain/dates.js';
import { makePng } from './png.js';
import type { CaseView } from '#common/schemas/cases.js';
import type { DossierOutput, TemplateInfo } from '#common/schemas/documents.js';
import type { OpInput } from '#common/operations.js';
import type { TestCore } from './testCore.js';
import type { DocumentType } from '#common/documentTypes.js';

export type Caller = Pick<TestCore, 'call'>;

export async function openCase(t: Caller, token: string, over: Partial<OpInput<'cases.open'>> = {}): Promise<CaseView> {
  const [ent] = await t.call(token, 'enterprises.search', { query: '天柱', limit: 1 });
  return t.call(token, 'cases.open', {
    enterpriseId: ent!.id,
    violationId: 'air-over-standard-emission',
    officerIds: ['off-01', 'off-02'],
    discoveredOn: '2026-03-02',
    filedOn: '2026-03-02',
    source: '现场检查',
    summary: '现场检查发现该公司废气排放口颗粒物浓度超过排放标准。',
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    ...over,
  });
}

export interface ScenarioHooks {
  /** Moves the core's clock to this calendar date (the case's timeline spans weeks). */
  setDate(date: string): void;
  onStep?(name: string): void;
}

export interface ScenarioResult {
  caseId: string;
  officer: string;
  head: string;
  /** The view right after 结案 (批准结案, or the last step of a summary case). */
  closed: CaseView;
  dossier: DossierOutput;
  /** The view after 归档 (the last step of every scenario). */
  archived: CaseView;
}

export type Photo = { fileName: string; base64: string; description: string };

/** What the clerk types into each document's form, per template id (the scenarios': scenarioTexts.ts). */
export type Texts = Partial<Record<DocumentType, Record<string, string>>>;

export interface GenOptions {
  /** The track whose current node issues the document (查封(扣押)决定书, 复查意见书 …). */
  track?: string;
  /** For a 送达回证: the document it proves was served. */
  servedDocument?: string;
  /** What the clerk types for this one document, over the scenario's texts and the sample values. */
  fields?: Record<string, string>;
  /** Who makes it: the officer unless said (the 法制审核意见书 is the reviewer's). */
  by?: string;
}

/** Who signs in as the officer, the head and the reviewer: [username, password]. */
export interface People {
  officer: [string, string];
  head: [string, string];
  reviewer: [string, string];
}
const demoPeople: People = {
  officer: ['officer', 'officer123'],
  head: ['head', 'head123'],
  reviewer: ['reviewer', 'reviewer123'],
};

export class CaseRunner {
  caseId = '';
  today = '2026-03-02';
  /** Days added to every date the script names: the Code-era scenario replays the path in November 2026. */
  shiftDays = 0;
  private templates: TemplateInfo[] | null = null;
  constructor(
    readonly t: Caller,
    readonly hooks: ScenarioHooks,
    readonly officer: string,
    readonly head: string,
    readonly reviewer: string,
    /** The scenario's typed values per template, so its documents tell its own story. */
    readonly texts: Texts = {},
  ) {}

  static async start(
    t: Caller,
    hooks: ScenarioHooks,
    texts: Texts = {},
    people: People = demoPeople,
  ): Promise<CaseRunner> {
    const login = async ([username, password]: [string, string]) =>
      (await t.call(null, 'session.login', { username, password })).token;
    return new CaseRunner(
      t,
      hooks,
      await login(people.officer),
      await login(people.head),
      await login(people.reviewer),
      texts,
    );
  }

  day(d: string): void {
    this.today = addDays(d, this.shiftDays);
    this.hooks.setDate(this.today);
  }
  /** A date the script names, moved as the scenario's days are. */
  date(d: string): string {
    return addDays(d, this.shiftDays);
  }
  step(s: string): void {
    this.hooks.onStep?.(s);
  }

  /** Generates a document where the case (or the track) stands, through documents.generate. */
  async gen(type: DocumentType, o: GenOptions = {}) {
    this.templates ??= await this.t.call(this.officer, 'templates.list', {});
    const tpl = this.templates.find((y) => y.id === type);
    if (!tpl) throw new Error(`模板清单中没有 ${type}`);
    this.step(`${o.track ? `${o.track}: ` : ''}生成${tpl.name}${o.servedDocument ? `（${o.servedDocument}）` : ''}`);
    const fields = {
      ...sampleFields(tpl, { today: this.today, servedDocument: o.servedDocument }),
      ...(o.servedDocument ? await this.servedId(o.servedDocument) : {}),
      ...this.texts[type],
      ...o.fields,
    };
    return this.t.call(o.by ?? this.officer, 'documents.generate', {
      caseId: this.caseId,
      type,
      fields,
      ...(o.track ? { track: o.track } : {}),
    });
  }

  async act(token: string, action: string, data: Record<string, unknown> = {}, track = 'main'): Promise<CaseView> {
    this.step(track === 'main' ? action : `${track}: ${action}`);
    return this.t.call(token, 'cases.act', { caseId: this.caseId, action, data, track });
  }

  async startTrack(procedure: string): Promise<string> {
    this.step(`启动${procedure}`);
    const v = await this.t.call(this.officer, 'cases.startTrack', { caseId: this.caseId, procedure });
    return v.tracks.at(-1)!.id;
  }

  /** A receipt names the document it serves by id, as the clerk chooses it: here the newest of its type. */
  private async servedId(served: string): Promise<{ servedDocumentId: string }> {
    const view = await this.t.call(this.officer, 'cases.get', { caseId: this.caseId });
    const type = servedDocumentType(served);
    const doc = view.state.documents.filter((d) => d.type === type).at(-1);
    if (!doc) throw new Error(`案件中没有 ${served}`);
    return { servedDocumentId: doc.id };
  }

  /** 定稿盖章 of the newest version of a document (a decision is served only once sealed, 处罚法 art. 59(2)). */
  async finalise(type: DocumentType) {
    this.step(`定稿${type}`);
    const view = await this.t.call(this.officer, 'cases.get', { caseId: this.caseId });
    const doc = view.state.documents.filter((d) => d.type === type).at(-1);
    if (!doc) throw new Error(`案件中没有 ${type}`);
    return this.t.call(this.officer, 'documents.finalise', { caseId: this.caseId, documentId: doc.id });
  }

  /** The execution record filed in the 正卷 (缴款凭证, or the court's papers), uploaded as an 执行凭证. */
  async voucher(description = '罚款缴款凭证'): Promise<void> {
    this.step('上传执行凭证');
    await this.t.call(this.officer, 'evidence.add', {
      caseId: this.caseId,
      kind: 'execution',
      fileName: '缴款凭证.png',
      contentBase64: makePng(240, 320, 9).toString('base64'),
      description,
      takenOn: this.today,
    });
  }

  async photos(photos: Photo[]): Promise<void> {
    const pics = photos.length
      ? photos
      : [
          { fileName: '排气筒.png', base64: makePng(320, 240, 1).toString('base64'), description: '1号排气筒排放状况' },
          {
            fileName: '除尘器.png',
            base64: makePng(320, 240, 2).toString('base64'),
            description: '布袋除尘器破损情况',
          },
        ];
    for (const p of pics) {
      this.step('上传照片');
      await this.t.call(this.officer, 'evidence.add', {
        caseId: this.caseId,
        fileName: p.fileName,
        contentBase64: p.base64,
        description: p.description,
        takenOn: this.today,
        kind: 'photo',
      });
    }
  }

  /**
   * 组卷, then 归档 for an ordinary case. With `sheets`, the clerk also prints the 卷宗封面, 卷内目录 and
   * 备考表 templates for the paper file at 结案 (the bound PDF draws its own, so they are not filed twice).
   */
  async buildAndArchive(closed: CaseView, sheets = false): Promise<ScenarioResult> {
    this.step('组卷');
    // The 保管期限 is chosen when the file is bound for 归档: covers, 备考表 and the archive record say the same.
    const dossier = await this.t.call(this.officer, 'dossier.build', { caseId: this.caseId, retention: '30年' });
    const ordinary = closed.state.node === 'closed' && closed.state.procedure.id === 'ordinary';
    if (sheets && ordinary) {
      const main = dossier.volumes.find((v) => v.volume === '正卷') ?? dossier.volumes[0]!;
      await this.gen('dossier-cover', {
        fields: { dossierVolume: main.volume, dossierExtent: `共${main.catalog.length}件${main.pages}页` },
      });
      await this.gen('dossier-catalog');
      await this.gen('dossier-remarks');
    }
    const archived = ordinary
      ? await this.act(this.officer, 'archive', {
          archivedOn: this.today,
          retention: '30年',
          volumes: dossier.volumes.length,
        })
      : closed;
    return { caseId: this.caseId, officer: this.officer, head: this.head, closed, dossier, archived };
  }
}
