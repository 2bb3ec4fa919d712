import { AppBskyActorProfile, type BlobRef, lexicons } from '@atproto/api';
import type { LocalProfile } from '../../db/outbox';
import { imageTypeOf } from '../../db/profile-rules';
import { countGraphemes } from '../../db/rules';
import type { SentenceRef } from '../../db/sentences';

export const PROFILE_COLLECTION = 'app.bsky.actor.profile';

interface Limits {
  displayName: number;
  description: number;
  accept: readonly string[];
}

/** The profile record's limits as the library's lexicon states them, not copied here. */
function lexiconLimits(): Limits {
  const def = lexicons.getDefOrThrow(PROFILE_COLLECTION);
  if (def.type !== 'record') throw new Error(`${PROFILE_COLLECTION} is not a record in this @atproto/api.`);
  const { displayName, description, avatar } = def.record.properties;
  const graphemes = (field: typeof displayName) =>
    field?.type === 'string' && field.maxGraphemes !== undefined ? field.maxGraphemes : Infinity;
  return {
    displayName: graphemes(displayName),
    description: graphemes(description),
    accept: avatar?.type === 'blob' ? (avatar.accept ?? []) : [],
  };
}

const LIMITS = lexiconLimits();

/** Why this profile cannot go to the network as it is (a field past the lexicon's limit), or null. */
export function profileProblem(local: LocalProfile): SentenceRef | null {
  if (local.displayName !== null && countGraphemes(local.displayName) > LIMITS.displayName)
    return { key: 'publishing.displayNameTooLong', params: { max: LIMITS.displayName } };
  if (local.aboutMe !== null && countGraphemes(local.aboutMe) > LIMITS.description)
    return { key: 'publishing.aboutMeTooLong', params: { max: LIMITS.description } };
  return null;
}

/**
 * The picture with its type when the profile lexicon accepts that type (PNG, JPEG), else null:
 * a picture the network cannot show as an avatar is not sent, and the record keeps its own.
 */
export function publishableAvatar(image: Uint8Array | null): { bytes: Uint8Array; type: string } | null {
  const type = image && imageTypeOf(image);
  return image && type && LIMITS.accept.includes(type) ? { bytes: image, type } : null;
}

/**
 * The record to put: the one already on the network, with the fields this profile has written
 * over it. A field empty here leaves the network's value (set, say, in another app), and so do
 * the fields Microblog does not know (banner, pinned post, labels).
 */
export function profileRecord(
  existing: AppBskyActorProfile.Record | undefined,
  local: LocalProfile,
  avatar: BlobRef | undefined,
): AppBskyActorProfile.Record {
  return {
    ...existing,
    $type: PROFILE_COLLECTION,
    ...(local.displayName !== null && { displayName: local.displayName }),
    ...(local.aboutMe !== null && { description: local.aboutMe }),
    ...(avatar && { avatar }),
  };
}

/** True when the record is one the lexicon accepts: checked before anything is sent. */
export function isValidProfileRecord(record: AppBskyActorProfile.Record): boolean {
  return AppBskyActorProfile.validateRecord(record).success;
}
