/**
 * The `notices` and `notice_reads` tables: 通知公告 received from the server and who read them on this desk.
 * A notice is stored as the server sent it; a notice received again changes nothing. A reading is kept
 * once per user (the first time) and stays pending until the server acknowledges it.
 */
import type { NoticeAttachment, SyncNotice, SyncNoticeWithdrawal } from '#common/sync/notices.js';
import type { Db } from './db.js';

export interface NoticeRow {
  id: string;
  title: string;
  body: string;
  publisher: string;
  publishedBy: string;
  publishedAt: string;
  attachments: NoticeAttachment[];
  receivedAt: string;
  /** When this user read it (null: unread). */
  readAt: string | null;
  /** 已撤回 by the publisher: when and why (null: in force). */
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

export interface PendingRead {
  noticeId: string;
  userId: string;
  userName: string;
  readAt: string;
}

const columns = `n.id, n.title, n.body, n.publisher, n.published_by AS publishedBy, n.published_at AS publishedAt,
  n.attachments_json AS attachments, n.received_at AS receivedAt, r.read_at AS readAt,
  n.withdrawn_at AS withdrawnAt, n.withdraw_reason AS withdrawReason`;
type Raw = Omit<NoticeRow, 'attachments'> & { attachments: string };
const toRow = (r: Raw): NoticeRow => ({ ...r, attachments: JSON.parse(r.attachments) as NoticeAttachment[] });

export class NoticeStore {
  constructor(private readonly db: Db) {}

  /** Newest first, with whether `userId` read each. */
  all(userId: string): NoticeRow[] {
    return (
      this.db
        .prepare(
          `SELECT ${columns} FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?
            ORDER BY n.published_at DESC, n.id DESC`,
        )
        .all(userId) as Raw[]
    ).map(toRow);
  }

  get(id: string, userId: string): NoticeRow | null {
    const r = this.db
      .prepare(
        `SELECT ${columns} FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ? WHERE n.id = ?`,
      )
      .get(userId, id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  unreadCount(userId: string): number {
    return (
      this.db
        .prepare(
          'SELECT count(*) AS n FROM notices n WHERE n.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ?)',
        )
        .get(userId) as { n: number }
    ).n;
  }

  /** The server's notices in one transaction; returns those new to this desk. */
  receive(list: readonly SyncNotice[], at: string): SyncNotice[] {
    const insert = this.db.prepare(`
      INSERT INTO notices (id, title, body, publisher, published_by, published_at, attachments_json, received_at)
      VALUES (@id, @title, @body, @publisher, @publishedBy, @publishedAt, @attachments, @at) ON CONFLICT (id) DO NOTHING`);
    const added: SyncNotice[] = [];
    this.db.transaction(() => {
      for (const n of list)
        if (insert.run({ ...n, attachments: JSON.stringify(n.attachments), at }).changes) added.push(n);
    })();
    return added;
  }

  /**
   * The publisher's withdrawals: a notice here is marked 已撤回 (once; the first notice of it counts) and
   * kept with its readings; one never received here is ignored. Returns the titles newly marked.
   */
  withdraw(list: readonly SyncNoticeWithdrawal[]): string[] {
    const mark = this.db.prepare(
      'UPDATE notices SET withdrawn_at = ?, withdraw_reason = ? WHERE id = ? AND withdrawn_at IS NULL RETURNING title',
    );
    const marked: string[] = [];
    this.db.transaction(() => {
      for (const w of list) {
        const r = mark.get(w.withdrawnAt, w.reason, w.id) as { title: string } | undefined;
        if (r) marked.push(r.title);
      }
    })();
    return marked;
  }

  /** Every attachment hash of the notices received (their bytes belong in the blob store). */
  attachmentHashes(opts: { inForce?: boolean } = {}): string[] {
    const out = new Set<string>();
    const where = opts.inForce ? ' WHERE withdrawn_at IS NULL' : '';
    for (const r of this.db.prepare(`SELECT attachments_json AS a FROM notices${where}`).all() as Array<{ a: string }>)
      for (const f of JSON.parse(r.a) as NoticeAttachment[]) out.add(f.sha256);
    return [...out];
  }

  /** The type the publisher gave the attachment with this hash. */
  attachmentType(sha256: string): string {
    for (const r of this.db.prepare('SELECT attachments_json AS a FROM notices').all() as Array<{ a: string }>)
      for (const f of JSON.parse(r.a) as NoticeAttachment[]) if (f.sha256 === sha256) return f.type;
    return 'application/octet-stream';
  }

  /** Whether a received notice has this attachment (who may read a file outside cases). */
  hasAttachment(sha256: string): boolean {
    return this.attachmentHashes().includes(sha256);
  }

  /** The first reading by this user is kept; later ones change nothing. */
  markRead(noticeId: string, userId: string, userName: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO notice_reads (notice_id, user_id, user_name, read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (notice_id, user_id) DO NOTHING`,
      )
      .run(noticeId, userId, userName, at);
  }

  pendingReads(): PendingRead[] {
    return this.db
      .prepare(
        'SELECT notice_id AS noticeId, user_id AS userId, user_name AS userName, read_at AS readAt FROM notice_reads WHERE uploaded = 0',
      )
      .all() as PendingRead[];
  }

  acknowledge(
    accepted: ReadonlyArray<{ noticeId: string; userId: string }>,
    refused: ReadonlyArray<{ noticeId: string; userId: string; reason: string }>,
  ): void {
    const ok = this.db.prepare(
      'UPDATE notice_reads SET uploaded = 1, upload_error = NULL WHERE notice_id = ? AND user_id = ?',
    );
    const no = this.db.prepare(
      'UPDATE notice_reads SET uploaded = 1, upload_error = ? WHERE notice_id = ? AND user_id = ?',
    );
    this.db.transaction(() => {
      for (const a of accepted) ok.run(a.noticeId, a.userId);
      for (const r of refused) no.run(r.reason, r.noticeId, r.userId);
    })();
  }
}
