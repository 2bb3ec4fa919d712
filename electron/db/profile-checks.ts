/** The named CHECKs of a profile's own fields and its picture, mapped to what the user did wrong. */
import {
  ABOUT_ME_MAX,
  AVATAR_NOT_IMAGE_SENTENCE,
  AVATAR_TOO_LARGE_SENTENCE,
  DISPLAY_NAME_MAX,
} from './profile-rules';
import { nulSentence, tooLongSentence } from './rules';
import { say } from './sentences';

/** What a violation becomes: plain data, as errors.ts (which builds the errors) imports this module. */
export interface CheckError {
  code: 'INVALID_INPUT';
  message: string;
  field: string;
}

const invalid = (message: string, field: string): CheckError => ({ code: 'INVALID_INPUT', message, field });

/** Constraint name → the error a violation becomes; merged into errors.ts's table. */
export const PROFILE_CHECKS: Record<string, CheckError> = {
  display_name_no_nul: invalid(nulSentence('displayName'), 'displayName'),
  display_name_length: invalid(tooLongSentence('displayName', DISPLAY_NAME_MAX), 'displayName'),
  about_me_no_nul: invalid(nulSentence('aboutMe'), 'aboutMe'),
  about_me_length: invalid(tooLongSentence('aboutMe', ABOUT_ME_MAX), 'aboutMe'),
  last_seen_format: invalid(say('errors.timeInvalid'), 'lastSeen'),
  created_at_format: invalid(say('errors.timeInvalid'), 'createdAt'),
  avatar_size: invalid(AVATAR_TOO_LARGE_SENTENCE, 'image'),
  avatar_type: invalid(AVATAR_NOT_IMAGE_SENTENCE, 'image'),
};
