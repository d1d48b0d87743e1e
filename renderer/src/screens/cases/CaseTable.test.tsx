// @vitest-environment jsdom
/**
 * An empty case list says why: no case yet, nothing matching the filter, or (the administrator) no
 * case to see at all; and it shows no “第 0–0 件，共 0 件” pager under the empty table.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

vi.mock('#renderer/api/send', () => ({ send: () => new Promise(() => {}) }));
const { CaseTable } = await import('./CaseTable');
const { emptyText } = await import('./CaseListScreen');

afterEach(cleanup);

const table = (total: number, text = '暂无案件。') =>
  renderWithSession(
    <CaseTable
      rows={[]}
      total={total}
      page={0}
      pageSize={50}
      loading={false}
      onPage={() => {}}
      onOpen={() => {}}
      emptyText={text}
    />,
  );

describe('the empty case list', () => {
  it('says no case yet to an officer, and how to begin one', () => {
    expect(emptyText({ filtered: false, seesCases: true, canOpen: true })).toBe(
      '暂无案件。点击右上角“立案”办理第一件案件。',
    );
    expect(emptyText({ filtered: false, seesCases: true, canOpen: false })).toBe('暂无案件。');
  });

  it('says nothing matches only when a filter or words are set', () => {
    expect(emptyText({ filtered: true, seesCases: true, canOpen: true })).toBe('没有符合条件的案件');
  });

  it('tells a user who sees no case (the administrator) so, whatever the filter', () => {
    for (const filtered of [false, true]) {
      expect(emptyText({ filtered, seesCases: false, canOpen: false })).toContain('您的账号不查看案件');
    }
  });

  it('shows the text in the table and no pager for zero cases', () => {
    const el = table(0);
    expect(byTestId(el, 'case-table-empty')?.textContent).toBe('暂无案件。');
    expect(el.textContent).not.toContain('第 0');
    expect(el.querySelector('.MuiTablePagination-root')).toBeNull();
  });
});
