/** The line under a running import's bar: its stage and 已处理 n / 共 m 行 (no total yet while a workbook is streamed). */
import type { JobView } from '#common/schemas/jobs';

export function progressText(view: Pick<JobView, 'progress'>, unit: string): string {
  const { stage, done, total } = view.progress;
  const n = (x: number): string => x.toLocaleString('zh-CN');
  return total === null
    ? `${stage}：已处理 ${n(done)} ${unit}`
    : `${stage}：已处理 ${n(done)} / 共 ${n(total)} ${unit}`;
}
