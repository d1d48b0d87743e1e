/**
 * `window.anjuan`: the AnjuanBridge over its invoke channels (send, readFile, print, pickFile, uploadPicked), and nothing else. Built from an
 * injected `invoke` so it is tested without Electron; preload/index.ts passes ipcRenderer.invoke.
 * Only plain copies of the caller's fields cross: no functions, no prototypes, no ipcRenderer.
 */
import type { AnjuanBridge, PickedFile, PrintRequest } from '#common/bridge.js';
import type { UploadKind } from '#common/evidenceFiles.js';
import type { UploadedFile } from '#common/uploads.js';
import type { Envelope, Reply } from '#common/client.js';
import type { FileBytes, FileRequest } from '#common/files.js';
import { fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel } from './channels.js';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

// The shell answers with values, never throws, for pages it trusts; a rejection here means the
// channel itself broke (shell shutting down). The page still gets a value, never an exception.
const brokenChannel: Reply<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '与后台服务的通信中断，请稍后重试' },
};

export function createBridge(invoke: Invoke): AnjuanBridge {
  return Object.freeze({
    platform: 'electron' as const,
    async send(envelope: Envelope): Promise<Reply<unknown>> {
      const plain: Envelope = { op: envelope.op, input: envelope.input, token: envelope.token ?? null };
      try {
        return (await invoke(sendChannel, plain)) as Reply<unknown>;
      } catch {
        return brokenChannel;
      }
    },
    async readFile(request: FileRequest, token: string | null): Promise<Reply<FileBytes>> {
      const plain = {
        request: { hash: request.hash, caseId: request.caseId, variant: request.variant },
        token: token ?? null,
      };
      try {
        return (await invoke(fileChannel, plain)) as Reply<FileBytes>;
      } catch {
        return brokenChannel;
      }
    },
    async pickFile(kind: UploadKind): Promise<Reply<PickedFile | null>> {
      try {
        return (await invoke(pickFileChannel, { kind: String(kind) })) as Reply<PickedFile | null>;
      } catch {
        return brokenChannel;
      }
    },
    async uploadPicked(request: {
      pickId: string;
      kind: UploadKind;
      token: string | null;
    }): Promise<Reply<UploadedFile>> {
      const plain = { pickId: String(request.pickId), kind: String(request.kind), token: request.token ?? null };
      try {
        return (await invoke(uploadChannel, plain)) as Reply<UploadedFile>;
      } catch {
        return brokenChannel;
      }
    },
    async printPdf(request: PrintRequest): Promise<{ ok: boolean; message?: string }> {
      try {
        return (await invoke(printChannel, { title: request.title, pdf: request.pdf })) as {
          ok: boolean;
          message?: string;
        };
      } catch {
        return { ok: false, message: '打印服务不可用，请稍后重试' };
      }
    },
  });
}
