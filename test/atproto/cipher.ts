/** safeStorage as the tests see it, with nothing from Vitest, so scripts (the screenshots) use it too. */
import type { Cipher } from '../../electron/main/publisher/sessions';

/** Reversible, but never plain text on disk. */
export const fakeCipher: Cipher = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
};
