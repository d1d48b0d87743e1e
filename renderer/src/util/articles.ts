import type { ArticleRef } from '#common/schemas/reference';

export function articleText(a: ArticleRef): string {
  return `${a.law}${a.article}`;
}

export function articlesText(list: ArticleRef[]): string {
  return list.map(articleText).join('、');
}
