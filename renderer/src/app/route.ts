/**
 * Client-side routes in location.hash (no router library): #/cases and #/cases/<id>/<tab>.
 * The hash survives a reload, so the clerk comes back to the page they were on.
 */
import { useEffect, useState } from 'react';

export const caseTabs = ['documents', 'evidence', 'dossier', 'history'] as const;
export type CaseTab = (typeof caseTabs)[number];

export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string; tab: CaseTab; focus?: string }
  | SearchRoute
  | LawsRoute
  | { name: 'deadlines' }
  | WorkRoute
  | EnterprisesRoute
  | SettingsRoute
  | AccountsRoute
  | { name: 'fieldTasks' } // 现场检查任务: #/tasks
  | { name: 'notices' } // 通知公告: #/notices
  | { name: 'reviewScores' } // 案卷评查得分 (负责人): #/reviews
  | { name: 'drafts' }; // 我的草稿: #/drafts
/** 我的工作: #/work — 待我审批 / 待我审核 / 我的案件; also where a user with a case role lands (empty hash). */
export type WorkRoute = { name: 'work' };
/** 检索: #/search/<words> — one search box across the cases; a hit opens #/cases/<id>/<tab>/<document or evidence id>. */
export type SearchRoute = { name: 'search'; q: string };
/** 法律法规: #/laws, #/laws/<law>, #/laws/<law>/<article number>. */
export type LawsRoute = { name: 'laws'; law: string | null; article: number | null };
/** 企业名录: #/enterprises, #/enterprises/<id>. */
export type EnterprisesRoute = { name: 'enterprises' } | { name: 'enterprise'; id: string };
/** 本局设置: #/settings (PDF engine, seal, 期限提醒). */
export type SettingsRoute = { name: 'settings' };
/** 账号与审计: #/accounts (系统管理员). */
export type AccountsRoute = { name: 'accounts' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'deadlines') return { name: 'deadlines' };
  if (parts[0] === 'search') return { name: 'search', q: parts[1] ?? '' }; // 检索
  if (parts[0] === 'work') return { name: 'work' }; // 我的工作
  if (parts[0] === 'settings') return { name: 'settings' }; // 本局设置
  if (parts[0] === 'accounts') return { name: 'accounts' }; // 账号与审计
  if (parts[0] === 'tasks') return { name: 'fieldTasks' }; // 现场检查任务
  if (parts[0] === 'notices') return { name: 'notices' }; // 通知公告
  if (parts[0] === 'reviews') return { name: 'reviewScores' }; // 案卷评查得分
  if (parts[0] === 'drafts') return { name: 'drafts' }; // 我的草稿
  if (parts[0] === 'enterprises') return parts[1] ? { name: 'enterprise', id: parts[1] } : { name: 'enterprises' };
  if (parts[0] === 'laws')
    return { name: 'laws', law: parts[1] ?? null, article: Number(parts[2]) > 0 ? Number(parts[2]) : null };
  if (parts[0] === 'cases' && parts[1]) {
    const tab = caseTabs.find((t) => t === parts[2]) ?? 'documents';
    // The document or evidence item a search hit opens at.
    return parts[3]
      ? { name: 'case', caseId: parts[1], tab, focus: parts[3] }
      : { name: 'case', caseId: parts[1], tab };
  }
  return { name: 'cases' };
}

export function hrefOf(route: Route): string {
  if (route.name === 'deadlines') return '#/deadlines';
  if (route.name === 'search') return `#/search${route.q ? `/${encodeURIComponent(route.q)}` : ''}`; // 检索
  if (route.name === 'work') return '#/work'; // 我的工作
  if (route.name === 'settings') return '#/settings'; // 本局设置
  if (route.name === 'accounts') return '#/accounts'; // 账号与审计
  if (route.name === 'fieldTasks') return '#/tasks'; // 现场检查任务
  if (route.name === 'notices') return '#/notices'; // 通知公告
  if (route.name === 'reviewScores') return '#/reviews'; // 案卷评查得分
  if (route.name === 'drafts') return '#/drafts'; // 我的草稿
  if (route.name === 'enterprises') return '#/enterprises';
  if (route.name === 'enterprise') return `#/enterprises/${encodeURIComponent(route.id)}`;
  if (route.name === 'laws') {
    return `#/laws${route.law ? `/${encodeURIComponent(route.law)}${route.article ? `/${route.article}` : ''}` : ''}`;
  }
  return route.name === 'case'
    ? `#/cases/${encodeURIComponent(route.caseId)}/${route.tab}${route.focus ? `/${encodeURIComponent(route.focus)}` : ''}`
    : '#/cases';
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
