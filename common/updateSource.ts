/**
 * Where the desktop app looks for updates: a folder — on this PC, a USB stick, a LAN share
 * (`\\server\share\anjuan`) — for counties without a link to the province, or a web address (the
 * provincial server later, an `http://` share on the bureau's LAN now). The folder or address holds
 * electron-builder's generic feed: `latest.yml` / `latest-linux*.yml`, the installers and, when the
 * release is signed, `latest*.yml.sig` (docs/security.md, updates). Shared by the core, which checks
 * what a head types in 本局设置, and the shell, which reads the feed.
 */

export type UpdateSource = { kind: 'folder'; location: string } | { kind: 'url'; location: string };

export type UpdateSourceCheck = { ok: true; source: UpdateSource } | { ok: false; message: string };

export const maxUpdateSourceLength = 500;

const windowsDrive = /^[A-Za-z]:[\\/]/;
const unc = /^\\\\[^\\/]+[\\/][^\\/]+/;

/** Checks and normalises a location; every refusal is a Chinese sentence for the settings screen. */
export function parseUpdateSource(raw: string): UpdateSourceCheck {
  const text = raw.trim();
  const bad = (message: string): UpdateSourceCheck => ({ ok: false, message });
  if (text === '') return bad('请填写更新文件所在的文件夹或网址');
  if (text.length > maxUpdateSourceLength) return bad(`更新位置不能超过${maxUpdateSourceLength}个字符`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return bad('更新位置含有不可见的控制字符');
  if (windowsDrive.test(text) || unc.test(text) || text.startsWith('/')) {
    if (/(^|[\\/])\.\.([\\/]|$)/.test(text)) return bad('文件夹路径中不能含“..”');
    return { ok: true, source: { kind: 'folder', location: text } };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad(
      '更新位置应为文件夹的完整路径（如 D:\\案卷更新、\\\\服务器\\共享\\案卷、/media/u盘/案卷更新）或以 http:// 、https:// 开头的网址',
    );
  }
  if (url.protocol === 'file:') {
    // file:///D:/x, file:///media/x, file://server/share/x — kept as the URL; the shell turns it into a path.
    if (url.search || url.hash) return bad('文件夹地址中不能含“?”或“#”');
    return { ok: true, source: { kind: 'folder', location: url.href.endsWith('/') ? url.href : `${url.href}/` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('更新网址只能以 http:// 或 https:// 开头');
  if (url.username || url.password) return bad('更新网址中不能含用户名或密码');
  if (url.search || url.hash) return bad('更新网址中不能含“?”或“#”');
  return { ok: true, source: { kind: 'url', location: url.href.endsWith('/') ? url.href : `${url.href}/` } };
}

/**
 * The setting that reads the feed from the provincial server this workstation is enrolled with
 * (`<server>/updates/`, server/routes/updates.ts): stored as typed, turned into the address when the
 * updater asks, so a server moved by re-enrolment needs no new setting. The server is not trusted with
 * the updates: the gate checks the index's signature as for any folder or address.
 */
export const provincialServerSource = '省级服务器';

export const isProvincialServerSource = (text: string): boolean => text.trim() === provincialServerSource;

/** The feed's address on an enrolled server (its URL as enrolled, with or without a trailing slash). */
export function serverFeedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/updates/`;
}

/** “文件夹 D:\案卷更新” / “网址 https://…”, as the settings screen and the log name it. */
export function describeUpdateSource(source: UpdateSource): string {
  return `${source.kind === 'folder' ? '文件夹' : '网址'} ${source.location}`;
}
