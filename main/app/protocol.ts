/**
 * The `app:` scheme that serves the app's own pages, so that they have a real origin
 * (`app://anjuan`) instead of `file://` (where every local file would share one origin and the CSP's
 * 'self' would mean the whole disk). Two hosts:
 *   app://anjuan/…  the renderer built by Vite (dist/renderer), with index.html for client routes
 *   app://print/…   the print page, pdf.js from node_modules/pdfjs-dist, and the PDFs queued for printing
 *   app://pdf/…     the PDF harness (DOCX → pages, harnessFiles.ts) the 'electron' PDF engine prints from
 * Pure request → response logic over injected file reading, so it runs in tests without Electron.
 */
import { extname, join, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './security.js';
import { printPageHtml, printPageScript, type PrintJobs } from './printPage.js';
import { harnessFile } from '#core/documents/pdf/harnessFiles.js';

export const appScheme = 'app';
export const appOrigin = 'app://anjuan';
export const printOrigin = 'app://print';
export const appEntryUrl = `${appOrigin}/index.html`;
export const pdfOrigin = 'app://pdf';
export const pdfHarnessUrl = `${pdfOrigin}/harness.html`;

/**
 * Registered before 'ready'. standard + secure give the scheme real origins and a secure context
 * (needed for 'self' in the CSP, module scripts, workers and fetch); nothing bypasses the CSP.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
};

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeType(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a URL path names, or null when it would leave `rootDir`
 * (`..`, encoded `%2e%2e`/`%2f`, back-slashes on Windows, NUL bytes).
 * `spaFallback`: an extension-less path is a client-side route, answered with index.html.
 */
export function resolveStaticFile(pathname: string, rootDir: string, spaFallback: boolean): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  else if (spaFallback && extname(decoded) === '') decoded = '/index.html';
  const root = resolve(rootDir);
  const full = resolve(join(root, decoded));
  return full.startsWith(root + sep) ? full : null;
}

/** pdf.js files the print page may load: nothing else of the package is served. */
const pdfjsFolders = ['build', 'cmaps', 'standard_fonts', 'wasm'];

export interface AppProtocolDeps {
  rendererDir: string;
  pdfjsDir: string;
  jobs: PrintJobs;
  readFile(path: string): Promise<Uint8Array>;
  /** app://pdf/: jszip and docx-preview's files, and the print fonts' folder (null: none yet). Absent: not served. */
  pdfHarness?: { scripts(): Record<string, string>; fontsDir(): string | null };
}

function respond(body: string | Uint8Array | null, status: number, type: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      // Set here as well as in session.webRequest: responses of a custom protocol handler are
      // not guaranteed to pass through onHeadersReceived.
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

const notFound = (): Response => respond('未找到', 404, 'text/plain; charset=utf-8');

async function serveFile(path: string | null, deps: AppProtocolDeps): Promise<Response> {
  if (!path) return notFound();
  try {
    return respond(Buffer.from(await deps.readFile(path)), 200, mimeType(path));
  } catch {
    return notFound();
  }
}

async function servePrint(pathname: string, deps: AppProtocolDeps): Promise<Response> {
  if (pathname === '/index.html') return respond(printPageHtml, 200, mimeType(pathname));
  if (pathname === '/print.mjs') return respond(printPageScript, 200, mimeType(pathname));
  const job = /^\/job\/([A-Za-z0-9-]{1,64})\.pdf$/.exec(pathname);
  if (job?.[1]) {
    const bytes = deps.jobs.get(job[1]);
    return bytes ? respond(Buffer.from(bytes), 200, mimeType('job.pdf')) : notFound();
  }
  const lib = /^\/pdfjs\/([a-z_]+)\/(.+)$/.exec(pathname);
  if (lib?.[1] && lib[2] && pdfjsFolders.includes(lib[1])) {
    return serveFile(resolveStaticFile(`/${lib[2]}`, join(deps.pdfjsDir, lib[1]), false), deps);
  }
  return notFound();
}

async function servePdfHarness(pathname: string, deps: AppProtocolDeps): Promise<Response> {
  const h = deps.pdfHarness;
  if (!h) return notFound();
  let file;
  try {
    file = harnessFile(pathname.replace(/^\//, ''), h.scripts, h.fontsDir());
  } catch {
    return notFound(); // a library missing from the installation: the engine reports the failed load
  }
  if (!file) return notFound();
  if ('text' in file) return respond(file.text, 200, file.contentType);
  try {
    return respond(Buffer.from(await deps.readFile(file.file)), 200, file.contentType);
  } catch {
    return notFound();
  }
}

/** The handler behind `protocol.handle('app', …)`. */
export async function handleAppRequest(
  request: Pick<Request, 'url' | 'method'>,
  deps: AppProtocolDeps,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return respond('不允许的请求方法', 405, 'text/plain; charset=utf-8');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${appScheme}:` || url.username || url.password) return notFound();
  if (url.host === 'anjuan') return serveFile(resolveStaticFile(url.pathname, deps.rendererDir, true), deps);
  if (url.host === 'print') return servePrint(url.pathname, deps);
  if (url.host === 'pdf') return servePdfHarness(url.pathname, deps);
  return notFound();
}
