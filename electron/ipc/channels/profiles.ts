/**
 * The channels of a profile's own settings: editing it, its password and its picture. Every
 * write here is for the active, unlocked profile only; main answers FORBIDDEN otherwise.
 */
import { z } from 'zod';
import type { User } from '../../db/models';
import {
  AVATAR_BYTES_MAX,
  aboutMeProblem,
  avatarProblem,
  displayNameProblem,
  optionalEmailProblem,
} from '../../db/profile-rules';
import { EMAIL_MAX, PASSWORD_MAX, USERNAME_MAX } from '../../db/rules';
import { channel, id, text } from './schema-kit';
import { say } from '../../db/sentences';

/**
 * The most bytes a picture's payload may take: the picture plus room for its id. Every other
 * channel keeps the 64 KB cap; the walk that measures a payload counts a Uint8Array by its length.
 */
export const AVATAR_PAYLOAD_BYTES = AVATAR_BYTES_MAX + 1024;

/** Text checked in the app's own sentences by `problem` (graphemes, NUL, lone surrogates). */
const checkedText = (problem: (value: string) => string | null) =>
  z.string().refine((value) => problem(value) === null, {
    error: (issue) => problem(String(issue.input)) ?? say('errors.textInvalid'),
  });

/** An optional email: empty or missing means none. */
export const optionalEmailSchema = text('email', EMAIL_MAX).nullable().optional();

const currentPassword = text('password', PASSWORD_MAX).nullable().optional();

/** Bytes as the renderer sends them; checked again by the repository before it writes. */
const image = z
  .instanceof(Uint8Array, { error: say('errors.pictureUnreadableAgain') })
  .refine((bytes) => avatarProblem(bytes) === null, {
    error: (issue) => avatarProblem(issue.input as Uint8Array) ?? say('errors.pictureUnreadable'),
  });

/** Spread into the contract's `channels`. */
export const profileChannels = {
  'users:update': channel<User>()(
    z
      .object({
        userId: id,
        username: text('username', USERNAME_MAX, say('errors.usernameEmpty')),
        displayName: checkedText(displayNameProblem),
        aboutMe: checkedText(aboutMeProblem),
        email: checkedText(optionalEmailProblem),
      })
      .strict(),
  ),
  'users:setPassword': channel<User>()(
    z
      .object({
        userId: id,
        /** Required when the profile has a password: changing or removing it. */
        currentPassword,
        /** null removes the password. */
        newPassword: text('password', PASSWORD_MAX).nullable(),
      })
      .strict(),
  ),
  'users:setAvatar': {
    ...channel<User>()(z.object({ userId: id, image }).strict()),
    maxBytes: AVATAR_PAYLOAD_BYTES,
  },
  'users:removeAvatar': channel<User>()(z.object({ userId: id }).strict()),
  /** The profile's own picture as a `data:` URL (the CSP allows img-src data:), or null. */
  'users:avatar': channel<string | null>()(z.object({ userId: id }).strict()),
} as const;

/** The names of these channels: their handlers live in handlers/profiles.ts. */
export type ProfileChannel = keyof typeof profileChannels;
