import fs from 'node:fs';
import path from 'node:path';
import type { AtpSessionData } from '@atproto/api';
import { z } from 'zod';
import { MicroblogError } from '../../db/errors';
import { say } from '../../db/sentences';
import { fsyncPath } from '../../shared/durable-file';

/** Electron's safeStorage as the session store uses it (the tests pass a typed fake). */
export interface Cipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What a stored session must hold to be used; anything else is treated as no session. */
const storedSession = z.looseObject({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  active: z.boolean(),
});

/**
 * The AT Protocol sessions (access and refresh tokens), one file per profile in `folder`,
 * encrypted with the OS keychain through safeStorage: never in SQLite, never in plain text.
 */
export function createSessionStore(folder: string, cipher: Cipher) {
  const file = (userId: number) => path.join(folder, `${userId}.session`);
  return {
    /** Keeps the session, written beside and renamed into place so a crash leaves the old one whole. */
    save(userId: number, session: AtpSessionData): void {
      if (!cipher.isEncryptionAvailable())
        throw new MicroblogError('INVALID_INPUT', say('accounts.errors.noKeychain'));
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const temp = `${file(userId)}.tmp`;
      fs.writeFileSync(temp, cipher.encryptString(JSON.stringify(session)), { mode: 0o600 });
      fsyncPath(temp);
      fs.renameSync(temp, file(userId));
    },

    /** The profile's session, or null when there is none (or it cannot be read any more). */
    load(userId: number): AtpSessionData | null {
      let text: string;
      try {
        text = cipher.decryptString(fs.readFileSync(file(userId)));
      } catch {
        return null;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return null;
      }
      const checked = storedSession.safeParse(parsed);
      return checked.success ? (checked.data as AtpSessionData) : null;
    },

    /** Forgets the profile's session (unlink, or the PDS revoked it). */
    remove(userId: number): void {
      fs.rmSync(file(userId), { force: true });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
