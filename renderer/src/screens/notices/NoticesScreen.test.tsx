// @vitest-environment jsdom
/**
 * 通知公告: the list marks unread notices; opening one shows its text and files and records the reading
 * once (the unread mark goes, the navigation's count is asked again); a file not yet synced says so; an
 * empty list and a refusal read in Chinese.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoticeView } from '#common/schemas/notices';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const calls: Array<{ op: string; input: Record<string, unknown> }> = [];
const notice = (id: string, extra: Partial<NoticeView> = {}): NoticeView => ({
  id,
  title: `关于开展冬季专项检查的通知${id}`,
  body: '各县（市、区）分局：\n请于12月31日前完成检查。',
  publisher: '黔东南州生态环境局',
  publishedBy: '吴明',
  publishedAt: '2026-12-05T02:00:00.000Z',
  receivedAt: '2026-12-05T03:00:00.000Z',
  readAt: null,
  withdrawn: null,
  attachments: [],
  ...extra,
});
let list: NoticeView[] = [];
let unread = 0;
let readFails = false;
vi.mock('../../api/send', () => ({
  send: vi.fn(async (op: string, input: Record<string, unknown>) => {
    calls.push({ op, input });
    if (op === 'notices.list') return list;
    if (op === 'notices.unread') return { unread };
    if (op === 'queues.counts') return { mine: 0, awaiting: [], deadlines: { bureau: 0, party: 0 } };
    if (op === 'notices.read') {
      if (readFails) throw new ApiError('NOT_FOUND', '没有这条通知公告（可能尚未同步到本机）');
      const n = list.find((x) => x.id === input.noticeId)!;
      unread = 0;
      return { ...n, readAt: '2026-12-07T01:30:00.000Z' };
    }
    throw new Error(`unexpected ${op}`);
  }),
}));
const { NoticesScreen } = await import('./NoticesScreen');
const { MainNav } = await import('#renderer/shell/MainNav');
const { ApiError } = await import('../../api/errors');

afterEach(() => {
  cleanup();
  calls.length = 0;
  readFails = false;
});

const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
const click = (el: Element) =>
  act(() => {
    (el as HTMLElement).click();
  });

describe('通知公告', () => {
  it('marks unread ones; opening one shows it, records the reading once and updates the count', async () => {
    list = [
      notice('1', {
        attachments: [
          { sha256: 'a'.repeat(64), name: '检查要点.pdf', size: 2048, type: 'application/pdf', available: true },
          { sha256: 'b'.repeat(64), name: '名单.xlsx', size: 3 * 1024 * 1024, type: 'x', available: false },
        ],
      }),
      notice('2', { readAt: '2026-12-06T01:00:00.000Z' }),
    ];
    unread = 1;
    const host = renderWithSession(
      <>
        <MainNav />
        <NoticesScreen />
      </>,
    );
    await settle();
    expect(byTestId(host, 'nav-notices-count')?.textContent).toContain('1');
    expect(byTestId(host, 'nav-notices-count')?.querySelector('.MuiBadge-invisible')).toBeNull();
    const rows = host.querySelectorAll('[data-testid="notice-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('未读');
    expect(rows[1]!.textContent).not.toContain('未读');
    click(rows[0]!);
    await settle();
    const detail = byTestId(host, 'notice-detail')!;
    expect(detail.textContent).toContain('请于12月31日前完成检查');
    expect(detail.textContent).toContain('黔东南州生态环境局 吴明 发布于');
    expect(detail.textContent).toContain('您已于');
    expect(detail.textContent).toContain('检查要点.pdf（2KB）下载');
    expect(detail.textContent).toContain('名单.xlsx（3.0MB）尚未下载到本机，下次同步时下载');
    expect(calls.filter((c) => c.op === 'notices.read')).toEqual([{ op: 'notices.read', input: { noticeId: '1' } }]);
    expect(host.querySelectorAll('[data-testid="notice-row"]')[0]!.textContent).not.toContain('未读');
    expect(calls.filter((c) => c.op === 'notices.unread').length).toBeGreaterThan(1);
    // MUI keeps the last number in a badge it hides: nothing unread is the badge hidden.
    expect(byTestId(host, 'nav-notices-count')?.querySelector('.MuiBadge-invisible')).not.toBeNull();
    // A notice already read is shown without recording anything again.
    click(host.querySelectorAll('[data-testid="notice-row"]')[1]!);
    await settle();
    expect(calls.filter((c) => c.op === 'notices.read')).toHaveLength(1);
  });

  it('marks a withdrawn notice 已撤回 with when and why, and records no reading of it', async () => {
    list = [
      notice('4', {
        withdrawn: { at: '2026-12-06T02:00:00.000Z', reason: '检查要点有误，另行发文' },
        attachments: [
          { sha256: 'c'.repeat(64), name: '要点.pdf', size: 1024, type: 'application/pdf', available: false },
        ],
      }),
    ];
    const host = renderWithSession(<NoticesScreen />);
    await settle();
    const row = host.querySelector('[data-testid="notice-row"]')!;
    expect(row.textContent).toContain('已撤回');
    expect(row.textContent).not.toContain('未读');
    click(row);
    await settle();
    expect(byTestId(host, 'notice-withdrawn')?.textContent).toMatch(
      /已撤回：发布单位于 .+ 撤回本通知，不再执行。撤回理由：检查要点有误，另行发文/,
    );
    expect(byTestId(host, 'notice-detail')?.textContent).toContain('要点.pdf（1KB）通知已撤回，附件不再下载');
    expect(calls.filter((c) => c.op === 'notices.read')).toEqual([]);
  });

  it('says what an empty list means, and shows a refusal in Chinese', async () => {
    list = [];
    const empty = renderWithSession(<NoticesScreen />);
    await settle();
    expect(empty.textContent).toContain('暂无通知公告。省厅、市（州）局发布的通知在同步后显示在这里。');
    cleanup();
    list = [notice('3')];
    readFails = true;
    const host = renderWithSession(<NoticesScreen />);
    await settle();
    click(host.querySelector('[data-testid="notice-row"]')!);
    await settle();
    expect(host.textContent).toContain('没有这条通知公告（可能尚未同步到本机）');
  });
});
