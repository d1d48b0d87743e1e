/**
 * The sync client: one round = the bureau's users, then push (the outbox), then pull. Rounds run in the
 * background — on demand (`sync.now` answers at once) and on a schedule while the web host or the
 * desktop app runs — one at a time, and never hold the database between requests, so the clerk's
 * work goes on. Network errors back off exponentially; an auth failure (revoked device) or a server
 * that went back stops syncing with the reason in Chinese until the administrator enrols again.
 * Times shown (上次成功同步) are real time, not the case clock tests and the e2e specs move.
 */
import { AppError } from '#common/errors.js';
import type { SyncStatus } from '#common/schemas/sync.js';
import { SyncEvents } from '#core/store/syncEvents.js';
import { SyncRecords } from '#core/store/syncRecords.js';
import { SyncStore } from '#core/store/syncStore.js';
import type { Services } from '#core/services.js';
import type { Db } from '#core/store/db.js';
import { enrolWorkstation } from './enrol.js';
import type { EnrolRequest, RoundOutcome, SyncPort } from '../syncPort.js';
import { SyncFailure, syncHttp, type FetchFn } from './http.js';
import type { SyncParts } from './integrate.js';
import { refillBlocks } from './numbers.js';
import { syncFiles } from './files.js';
import { applyReference } from './reference.js';
import { syncFieldTasks } from './tasks.js';
import { syncNotices } from './notices.js';
import { pullAll } from './pull.js';
import { pushAll } from './push.js';
import { refreshUsers } from './users.js';

export const defaultIntervalMs = 5 * 60_000;
const maxBackoffMs = 30 * 60_000;

/** After `failures` failed rounds in a row: 30 s, 1 min, 2 min … at most 30 min; the interval when all is well. */
export function nextDelayMs(failures: number, intervalMs = defaultIntervalMs): number {
  return failures <= 0 ? intervalMs : Math.min(maxBackoffMs, 30_000 * 2 ** (failures - 1));
}

export interface SyncClientOptions {
  fetch?: FetchFn;
  /** Rounds every `intervalMs` while enrolled (the web host and the desktop app); tests call `round()`. */
  schedule?: boolean;
  intervalMs?: number;
  now?: () => Date;
  /** tus's waits between retries of a file upload inside one round. */
  fileRetryDelays?: number[];
}

export type { RoundOutcome } from '../syncPort.js';

export class SyncClient implements SyncPort {
  readonly store: SyncStore;
  readonly events: SyncEvents;
  readonly records: SyncRecords;
  private running: Promise<RoundOutcome> | null = null;
  private progress: SyncStatus['progress'] = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextRunAt: Date | null = null;
  private closed = false;
  private readonly fetchFn: FetchFn;
  private readonly now: () => Date;

  /** `services` is read lazily: the client is built inside the core's services object. */
  constructor(
    db: Db,
    private readonly services: () => Services,
    private readonly opts: SyncClientOptions = {},
  ) {
    this.store = new SyncStore(db);
    this.events = new SyncEvents(db);
    this.records = new SyncRecords(db);
    this.fetchFn = opts.fetch ?? ((url, init) => fetch(url, init));
    this.now = opts.now ?? (() => new Date());
  }

  private parts(): SyncParts {
    return { services: this.services(), store: this.store, events: this.events, records: this.records };
  }

  status(): SyncStatus {
    const e = this.store.enrolment();
    return {
      enrolled: e !== null,
      server: e
        ? {
            url: e.serverUrl,
            bureau: e.bureauName,
            deviceId: e.deviceId,
            deviceName: e.deviceName,
            enrolledAt: e.enrolledAt,
          }
        : null,
      lastGoodSync: e?.lastGoodSync ?? null,
      pending: this.store.pendingCount(),
      conflicts: this.records.openConflictCount(),
      lastError: e?.lastError ?? null,
      stopped: e?.stopped ?? null,
      running: this.running !== null,
      progress: this.progress,
      changes: e?.changes ?? [],
      nextRunAt: this.nextRunAt?.toISOString() ?? null,
    };
  }

  async enrol(req: EnrolRequest, by: string): Promise<void> {
    await this.idle();
    const s = this.services();
    await enrolWorkstation(s, this.store, this.fetchFn, () => this.store.county(), req, by);
    this.failures = 0;
    this.start();
    void this.round();
  }

  /** `sync.now`: starts a round in the background; false when one is already running. */
  startNow(): { started: boolean; status: SyncStatus } {
    const e = this.store.enrolment();
    if (!e) throw new AppError('NOT_ENROLLED');
    if (e.stopped) throw new AppError('SYNC_FAILED', `同步已停止：${e.stopped}`);
    const started = this.running === null;
    if (started) void this.round();
    return { started, status: this.status() };
  }

  /** One round (or the one already running). Never throws: the outcome is recorded for sync.status. */
  round(): Promise<RoundOutcome> {
    this.running ??= this.runRound().finally(() => {
      this.running = null;
      this.progress = null;
      this.schedule();
    });
    return this.running;
  }

  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async runRound(): Promise<RoundOutcome> {
    const out: RoundOutcome = { ok: false, error: null, pushed: 0, pulled: 0, reapplied: 0, conflicts: 0 };
    const e = this.store.enrolment();
    if (!e || e.stopped) return { ...out, error: e?.stopped ?? null };
    const parts = this.parts();
    const http = syncHttp(this.fetchFn, e.serverUrl, e.credential);
    const iso = () => this.now().toISOString();
    try {
      this.progress = { stage: '用户', done: 0, total: null };
      const lines = await refreshUsers(parts, http, iso());
      this.progress = { stage: '编号', done: 0, total: null };
      await refillBlocks(parts, http, iso);
      const total = this.store.pendingCount();
      this.progress = { stage: '上传', done: 0, total };
      const push = await pushAll(parts, http, iso, (done) => {
        this.progress = { stage: '上传', done, total };
      });
      this.progress = { stage: '下载', done: 0, total: null };
      const pull = await pullAll(parts, http, iso, (done) => {
        this.progress = { stage: '下载', done, total: null };
      });
      // Reference data before the files: a holiday calendar must not wait for a slow upload.
      this.progress = { stage: '参考数据', done: 0, total: null };
      const applied = await applyReference(parts, iso());
      lines.push(...(await syncFieldTasks(parts, http, iso()))); // 现场检查任务: results up, assignments down
      // 通知公告: read receipts up, notices and their files down
      const noticeLink = { serverUrl: e.serverUrl, credential: e.credential, fetch: this.fetchFn };
      lines.push(...(await syncNotices(parts, http, noticeLink, iso())));
      this.progress = { stage: '文件', done: 0, total: null };
      const files = await syncFiles(
        parts,
        http,
        {
          serverUrl: e.serverUrl,
          deviceId: e.deviceId,
          credential: e.credential,
          fetch: this.fetchFn,
          retryDelays: this.opts.fileRetryDelays,
        },
        iso,
      );
      if (push.pushed) lines.push(`已上传${push.pushed}条案件记录`);
      if (files.uploaded) lines.push(`已上传案件文件${files.uploaded}个`);
      if (files.downloaded) lines.push(`已下载案件文件${files.downloaded}个`);
      if (files.failed) lines.push(`${files.failed}个案件文件本次未能传送，下次同步时继续`);
      if (pull.newCases) lines.push(`收到本单位的新案件${pull.newCases}件`);
      if (pull.events) lines.push(`收到其他工作站的案件记录${pull.events}条`);
      if (push.reapplied) lines.push(`${push.reapplied}项本机操作已在其他工作站办理后的案件上重新执行`);
      if (push.conflicts + push.refused)
        lines.push(`${push.conflicts + push.refused}项操作与其他工作站冲突或被服务器拒收，请查看冲突列表`);
      lines.push(...pull.changes, ...applied);
      this.store.recordOutcome(iso(), null);
      this.store.addChanges(lines);
      this.failures = 0;
      return {
        ok: true,
        error: null,
        pushed: push.pushed,
        pulled: pull.events,
        reapplied: push.reapplied,
        conflicts: push.conflicts + push.refused,
      };
    } catch (err) {
      const f =
        err instanceof SyncFailure
          ? err
          : new SyncFailure(
              'server',
              'INTERNAL',
              '同步时发生内部错误，本次未完成，稍后将自动重试；如反复出现请联系管理员',
            );
      if (!(err instanceof SyncFailure))
        console.error(`[anjuan] 同步内部错误：${err instanceof Error ? err.message : String(err)}`);
      const stop = f.kind === 'auth' || f.kind === 'stop';
      this.store.recordOutcome(iso(), f.message, stop ? f.message : null);
      this.failures++;
      return { ...out, error: f.message };
    }
  }

  /** Starts the schedule (the host's core start); does nothing without `schedule` or an enrolment. */
  start(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    const e = this.store.enrolment();
    if (!this.opts.schedule || this.closed || !e || e.stopped) return;
    const delay = nextDelayMs(this.failures, this.opts.intervalMs);
    this.nextRunAt = new Date(this.now().getTime() + delay);
    this.timer = setTimeout(() => void this.round(), delay);
    this.timer.unref?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
  }
}
