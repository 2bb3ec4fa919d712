import type { AtpAgent } from '@atproto/api';
import type { LocalProfile } from '../../db/outbox';
import { isValidProfileRecord, profileRecord, publishableAvatar } from './profile-record';

/** The merged record failed the lexicon: nothing was put. */
class InvalidProfile extends Error {}

/**
 * Puts the profile record with the library's `upsertProfile`: it reads the record on the network,
 * lets us write our fields over it, and puts it with `swapRecord`, trying again when another app
 * changed it in between. The picture goes first, as a blob. 'invalid': the lexicon refused the
 * merged record, and nothing was put.
 */
export async function sendProfile(agent: AtpAgent, local: LocalProfile): Promise<'invalid' | null> {
  const picture = publishableAvatar(local.avatar);
  const blob = picture
    ? (await agent.uploadBlob(picture.bytes, { encoding: picture.type })).data.blob
    : undefined;
  try {
    await agent.upsertProfile((existing) => {
      const record = profileRecord(existing, local, blob);
      if (!isValidProfileRecord(record)) throw new InvalidProfile();
      return record;
    });
  } catch (error) {
    if (error instanceof InvalidProfile) return 'invalid';
    throw error;
  }
  return null;
}
