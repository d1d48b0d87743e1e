/**
 * The workstations' update feed, served from a folder of the server's data dir (`<data dir>/updates`):
 * electron-builder's generic feed as the release job makes it — `latest*.yml`, their Ed25519 signatures
 * `latest*.yml.sig`, the installers and blockmaps. The province copies a release into the folder; each
 * workstation whose 软件更新 points at the server reads it over HTTP like a LAN share's.
 * The server is not trusted with the updates, the signature is: the workstation's gate checks each index
 * against the release key built into the app (main/app/updateFeed.ts), whoever served it. So the route
 * needs no credential, serves plain file names of that one folder only, and never lists it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServerError } from '../http/errors.js';

/** One plain file name, as the workstation's gate asks for them: no folder, no `..`. */
const feedFileName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

const contentType = (name: string): string =>
  name.endsWith('.yml')
    ? 'text/yaml; charset=utf-8'
    : name.endsWith('.sig')
      ? 'text/plain'
      : 'application/octet-stream';

export function updateFeedRoutes(app: FastifyInstance, updatesDir: string): void {
  const serve = async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
    const name = req.params.name;
    if (!feedFileName.test(name) || name.includes('..'))
      throw new ServerError('NOT_FOUND', `更新目录中没有文件“${name.slice(0, 100)}”`);
    const file = join(updatesDir, name);
    const s = await stat(file).catch(() => null);
    if (!s?.isFile())
      throw new ServerError('NOT_FOUND', `更新目录中没有文件“${name}”；请确认省厅已把该版本放入服务器的更新目录`);
    void reply.header('Content-Type', contentType(name)).header('Content-Length', s.size);
    // HEAD: Fastify answers a GET route's HEAD itself, closing the stream unread and keeping the length.
    return reply.send(createReadStream(file));
  };
  app.get('/updates/:name', serve);
}
