/** The portal's requests to its own server: JSON, the session token as a bearer, errors in the server's Chinese. */
export class ApiError extends Error {}

export async function api<T>(path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(data?.error?.message ?? `服务器返回错误（${res.status}）`);
  return data as T;
}
