/** Encryption at rest of the case database (main/core/encryption/service.ts; docs/security.md). */
import type { HandlerMap } from '../types.js';

export const securityHandlers: HandlerMap<'security.encryptionStatus' | 'security.enableEncryption'> = {
  'security.encryptionStatus': (_input, { services }) => services.encryption.status(),
  'security.enableEncryption': (_input, { services }) => services.encryption.enable(),
};
