/**
 * Files on this PC named by path (`{path}` form of enterprises.import, laws.import,
 * discretion.import). through the web host a page could make the core read any file the
 * workstation's user can read (/etc/shadow came back in an error report). Now:
 *   - only the CLI may name a path (the transport says which it is: common/client.ts `Transport`);
 *     the web page and the Electron window upload the file's content instead;
 *   - an error never shows an absolute path: only the name of the file or folder given;
 *   - an error never quotes the content of a file read by path (enterpriseImport's header report).
 */
import { AppError } from '#common/errors.js';
import type { HandlerContext } from './types.js';

export function refuseUnlessCli(ctx: Pick<HandlerContext, 'transport'>): void {
  if (ctx.transport === 'cli') return;
  throw new AppError('VALIDATION', '只有命令行（npm run anjuan）可以按路径读取本机上的文件；在界面中请选择文件上传', {
    reason: 'pathOnlyFromCli',
  });
}
