/**
 * A small S3-compatible server for tests, in process on 127.0.0.1: path-style HEAD bucket and
 * PUT/GET/HEAD object, in memory. Like a real bucket it checks what matters to us: every request is
 * signed with SigV4 by the one access key it knows (the signature recomputed from the secret, not just
 * looked at), a PUT carries its Content-Length, and a signed payload hash must be the body's. It counts
 * the requests so a test can tell that a file already there was not sent again.
 * (s3rver was tried first: it accepts unsigned requests and does not check SigV4 signatures.)
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3 {
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Objects by key (the prefix included). */
  objects: Map<string, Buffer>;
  /** Every request answered, as `METHOD /path status`. */
  log: string[];
  close(): Promise<void>;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Why the request's signature is not one this server accepts, or null when it is. */
function signatureProblem(req: http.IncomingMessage, s: Pick<FakeS3, 'accessKeyId' | 'secretAccessKey' | 'region'>) {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'AccessDenied';
  const [, key, date, region, signedHeaders, signature] = m as unknown as string[];
  if (key !== s.accessKeyId) return 'InvalidAccessKeyId';
  if (region !== s.region) return 'AuthorizationHeaderMalformed';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const payload = String(req.headers['x-amz-content-sha256'] ?? '');
  if (!amzDate.startsWith(date!) || !payload) return 'AccessDenied';
  const url = new URL(req.url ?? '/', 'http://x');
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const names = signedHeaders!.split(';');
  const value = (n: string) =>
    String(req.headers[n] ?? '')
      .trim()
      .replace(/\s+/g, ' ');
  const headers = names.map((n) => `${n}:${value(n)}\n`).join('');
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payload].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let k = hmac(`AWS4${s.secretAccessKey}`, date!);
  for (const part of [region!, 's3', 'aws4_request']) k = hmac(k, part);
  return hmac(k, toSign).toString('hex') === signature ? null : 'SignatureDoesNotMatch';
}

const statusOf: Record<string, number> = {
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  AuthorizationHeaderMalformed: 400,
  MissingContentLength: 411,
  XAmzContentSHA256Mismatch: 400,
  NoSuchKey: 404,
  NoSuchBucket: 404,
  MethodNotAllowed: 405,
};

export async function startFakeS3(opts: { bucket?: string } = {}): Promise<FakeS3> {
  const s: FakeS3 = {
    url: '',
    bucket: opts.bucket ?? 'anjuan-files',
    accessKeyId: 'AKIDANJUANTEST',
    secretAccessKey: 'fake-secret-for-tests-only',
    region: 'us-east-1',
    objects: new Map(),
    log: [],
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const answer = (status: number, code?: string, headers: Record<string, string> = {}, body?: Buffer) => {
        s.log.push(`${req.method} ${path} ${status}`);
        const xml = code && req.method !== 'HEAD' ? `<?xml version="1.0"?><Error><Code>${code}</Code></Error>` : '';
        res.writeHead(status, headers);
        res.end(body ?? xml);
      };
      const problem = signatureProblem(req, s);
      if (problem) return answer(statusOf[problem]!, problem);
      const [, bucket, ...rest] = path.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (bucket !== s.bucket) return answer(404, 'NoSuchBucket');
      if (!key) return req.method === 'HEAD' ? answer(200) : answer(405, 'MethodNotAllowed');
      const body = Buffer.concat(chunks);
      if (req.method === 'PUT') {
        if (req.headers['content-length'] === undefined) return answer(411, 'MissingContentLength');
        const declared = req.headers['x-amz-content-sha256'];
        if (declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256(body))
          return answer(400, 'XAmzContentSHA256Mismatch');
        s.objects.set(key, body);
        return answer(200);
      }
      const object = s.objects.get(key);
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'MethodNotAllowed');
      if (!object) return answer(404, 'NoSuchKey');
      const headers = { 'content-length': String(object.length), 'content-type': 'application/octet-stream' };
      return req.method === 'HEAD' ? answer(200, undefined, headers) : answer(200, undefined, headers, object);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return s;
}
