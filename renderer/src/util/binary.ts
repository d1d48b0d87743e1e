/**
 * File helpers. Stored files are read as bytes (api/files.ts); only uploads still travel as Base64,
 * bounded by each operation's schema (docs/security.md: “Files travel as bytes”).
 */

/** Reads a file the user picked as Base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** Saves a blob under a file name through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download time to start before the URL dies.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|《》]/g, '').trim() || '文件';
}
