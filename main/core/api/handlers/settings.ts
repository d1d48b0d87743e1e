/** 本局设置: 期限提醒, the PDF engine (chosen here, used at once), the seal image, 本局文书信息, and a 试打印. */
import { AppError } from '#common/errors.js';
import { pdfEngineLabels, type SettingsView } from '#common/schemas/settings.js';
import { bureauInfoProblems } from '#common/bureauInfo.js';
import { findTemplate } from '#core/documents/manifest.js';
import { sampleDocx } from '#core/documents/fixtures.js';
import { checkSealImage, describeSealImage } from '#core/documents/sealImage.js';
import type { Services } from '#core/services.js';
import {
  bureauInfoSetting,
  clearSealImageSetting,
  pdfEngineSetting,
  sealImageSetting,
  setBureauInfoSetting,
  setPdfEngineSetting,
  setSealImageSetting,
  setWarnAheadSetting,
  warnAheadSetting,
} from '#core/application/settings.js';
import { signingCertificateSetting } from '#core/application/signingCertificate.js';
import type { HandlerMap } from '../types.js';

async function settingsView(services: Services): Promise<SettingsView> {
  const sealHash = sealImageSetting(services);
  // A seal whose blob went missing (a damaged data folder) shows as none rather than failing the page.
  const seal = sealHash && services.blobs.has(sealHash) ? describeSealImage(services.blobs.get(sealHash)) : null;
  return {
    warnAheadWorkingDays: warnAheadSetting(services),
    pdfEngine: pdfEngineSetting(services),
    pdfEngines: (await services.pdf.engineNames()).map((name) => ({ name, label: pdfEngineLabels[name].label })),
    pdfEngineInUse: services.pdf.preference,
    pdfEngineLockedBy: services.pdf.lockedBy,
    pdfEngineActive: services.pdf.activeEngine,
    seal: seal && sealHash ? { hash: sealHash, ...seal } : null,
    certificate: signingCertificateSetting(services),
    bureauInfo: bureauInfoSetting(services),
  };
}

export const settingsHandlers: HandlerMap<
  'settings.get' | 'settings.update' | 'settings.setSeal' | 'settings.clearSeal' | 'pdf.test'
> = {
  'settings.get': (_input, { services }) => settingsView(services),

  'settings.update': async (input, { services }) => {
    // Everything is checked before anything is written: a refused engine leaves the days unchanged too.
    if (input.bureauInfo) {
      // Checked as the set that would be stored: a bank without its account is refused, whichever item changed.
      const problems = bureauInfoProblems({ ...bureauInfoSetting(services), ...input.bureauInfo });
      if (problems.length)
        throw new AppError('VALIDATION', `${problems.map((p) => p.message).join('；')}；设置未修改`, problems);
    }
    if (input.pdfEngine && input.pdfEngine !== 'auto') {
      const available = await services.pdf.engineNames();
      if (!available.includes(input.pdfEngine)) {
        const { label } = pdfEngineLabels[input.pdfEngine];
        const can = available.map((n) => pdfEngineLabels[n].label).join('、') || '无';
        throw new AppError('PDF_ENGINE_UNAVAILABLE', `本机不能使用“${label}”PDF引擎（本机可用：${can}），设置未修改`, {
          engine: input.pdfEngine,
          available,
        });
      }
    }
    services.db.transaction(() => {
      if (input.warnAheadWorkingDays !== undefined) setWarnAheadSetting(services, input.warnAheadWorkingDays);
      if (input.pdfEngine) setPdfEngineSetting(services, input.pdfEngine);
      if (input.bureauInfo) setBureauInfoSetting(services, input.bureauInfo);
    })();
    // Used from the next document on; an override (option, environment) keeps its engine.
    if (input.pdfEngine) await services.pdf.usePreference(input.pdfEngine);
    return settingsView(services);
  },

  'settings.setSeal': async ({ pngBase64 }, { services }) => {
    const png = Buffer.from(pngBase64, 'base64');
    // Read now, not at the first 定稿: a broken file must be refused while the head is uploading it.
    const facts = await checkSealImage(png);
    const hash = services.blobs.put(png, 'image/png');
    setSealImageSetting(services, hash);
    return { sealImageHash: hash, seal: { hash, ...facts } };
  },

  'settings.clearSeal': (_input, { services }) => ({ removed: clearSealImageSetting(services) }),

  'pdf.test': async ({ engine }, { services }) => {
    // A one-page document of the sample case: the real templates, fonts and layout, nothing of the bureau's.
    const docx = sampleDocx(findTemplate(services.manifest, 'service-receipt'));
    return services.pdf.trial(docx, engine);
  },
};
