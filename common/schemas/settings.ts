/**
 * 本局设置: what settings.get shows and settings.update changes (期限提醒, the PDF engine, the seal),
 * and the PDF engines' Chinese names, shared by the core and the settings screen.
 */
import { z } from 'zod';
import { sha256 } from './primitives.js';
import { bureauInfoKeys, type BureauInfoKey } from '../bureauInfo.js';
import { signingCertificateView } from './signing.js';

/** The engines a core knows (main/core/documents/pdf/engine.ts `PdfEngineName`), in 'auto''s order. */
export const pdfEngineNames = ['electron', 'chromium', 'libreoffice'] as const;
export type PdfEngineNameView = (typeof pdfEngineNames)[number];

export const pdfEnginePreference = z.enum(['auto', ...pdfEngineNames], {
  error: 'PDF引擎应为 auto（自动）、electron、chromium 或 libreoffice',
});
export type PdfEnginePreferenceView = z.infer<typeof pdfEnginePreference>;

/** Each choice's name and one line on what it is, as the settings screen shows them. */
export const pdfEngineLabels: Record<PdfEnginePreferenceView, { label: string; explanation: string }> = {
  auto: { label: '自动选择', explanation: '桌面程序中用其内置引擎，否则用内置Chromium，都不能启动时用LibreOffice' },
  electron: {
    label: '桌面程序内置',
    explanation: '用案卷桌面程序自带的浏览器内核排版打印，无须另装软件；只在桌面程序中可用',
  },
  chromium: { label: '内置Chromium', explanation: '借用本机的Chromium、Edge或Chrome浏览器排版打印，速度快' },
  libreoffice: { label: 'LibreOffice', explanation: '用本机安装的LibreOffice转换，版式与Word最接近，每份约需1秒' },
};

/** What overrides the bureau's choice of engine: a core option (tests, scripts) or the environment variable. */
export const pdfEngineLock = z.enum(['option', 'ANJUAN_PDF_ENGINE']);

export const sealImageView = z.object({
  hash: sha256,
  width: z.number().int(),
  height: z.number().int(),
  /** Advice on the image (not square, no transparent background, too small), in Chinese; empty when it suits. */
  hints: z.array(z.string()),
});
export type SealImageView = z.infer<typeof sealImageView>;

export const settingsView = z.object({
  warnAheadWorkingDays: z.number().int(),
  /** The bureau's stored choice ('auto' unless a head chose an engine). */
  pdfEngine: pdfEnginePreference,
  /** The engines this PC can use now, in 'auto''s order, with their Chinese names. */
  pdfEngines: z.array(z.object({ name: z.enum(pdfEngineNames), label: z.string() })),
  /** What the next conversion uses: the stored choice, or the override when one is set. */
  pdfEngineInUse: pdfEnginePreference,
  /** Set when a core option or ANJUAN_PDF_ENGINE overrides the stored choice. */
  pdfEngineLockedBy: pdfEngineLock.nullable(),
  /** The engine running now (what 'auto' picked), or null before the first conversion. */
  pdfEngineActive: z.enum(pdfEngineNames).nullable(),
  /** The bureau's seal image (settings.setSeal), or null: documents are then sealed with a drawn seal. */
  seal: sealImageView.nullable(),
  /** The bureau's signing certificate (settings.setCertificate), or null: the dossier is then bound unsigned. */
  certificate: signingCertificateView.nullable(),
  /** 本局文书信息 (common/bureauInfo.ts): address and telephone, the court, where to pay; '' = not set. */
  bureauInfo: z.object(
    Object.fromEntries(bureauInfoKeys.map((k) => [k, z.string()])) as Record<BureauInfoKey, z.ZodString>,
  ),
});
export type SettingsView = z.infer<typeof settingsView>;

export const settingsUpdateInput = z
  .object({
    warnAheadWorkingDays: z
      .number({ error: '提前提醒的工作日数应为0至30的整数' })
      .int('提前提醒的工作日数应为0至30的整数')
      .min(0, '提前提醒的工作日数应为0至30的整数')
      .max(30, '提前提醒的工作日数应为0至30的整数')
      .optional(),
    pdfEngine: pdfEnginePreference.optional(),
    /** Only the items given change; '' clears one. Checked as a whole after the change (bureauInfoProblems). */
    bureauInfo: z
      .object(
        Object.fromEntries(
          bureauInfoKeys.map((k) => [k, z.string().trim().max(200, '每项不超过200字').optional()]),
        ) as Record<BureauInfoKey, z.ZodOptional<z.ZodString>>,
      )
      .strict()
      .optional(),
  })
  .refine(
    (v) =>
      v.warnAheadWorkingDays !== undefined ||
      v.pdfEngine !== undefined ||
      (v.bureauInfo !== undefined && Object.keys(v.bureauInfo).length > 0),
    { message: '没有要修改的设置' },
  );

/** 5 MB: a seal scanned at 600 dpi as a transparent PNG is well under 1 MB. */
export const maxSealBytes = 5 * 1024 * 1024;

export const setSealOutput = z.object({ sealImageHash: sha256, seal: sealImageView });

export const pdfTestInput = z.object({ engine: pdfEnginePreference.optional() });
export const pdfTestOutput = z.object({
  engine: z.enum(pdfEngineNames),
  pages: z.number().int(),
  ms: z.number().int(),
});
