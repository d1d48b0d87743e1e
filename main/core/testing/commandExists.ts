/** Tests only: whether a program is on PATH (it ran, whatever its exit code). */
import { execFileSync } from 'node:child_process';

export function commandExists(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
