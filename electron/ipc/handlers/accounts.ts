import { MicroblogError } from '../../db/errors';
import { say } from '../../db/sentences';
import type { DomainHandlers, HandlerContext, Publishing } from '../handler-types';
import type { SessionState } from '../session-state';

/**
 * Settings → Accounts and each post's publish state. Linking, unlinking, publishing, retrying
 * and importing are for the active, unlocked profile only (FORBIDDEN otherwise, before anything
 * is sent or written); the states of posts on screen are for anyone to read.
 */
export function createAccountHandlers(ctx: HandlerContext, session: SessionState) {
  const publishing = (): Publishing => {
    if (!ctx.publishing) throw new MicroblogError('INVALID_INPUT', say('accounts.errors.cannotPublish'));
    return ctx.publishing;
  };
  const mine = (userId: number): Publishing => {
    session.requireActive(userId);
    return publishing();
  };

  return {
    'accounts:get': ({ userId }) => mine(userId).status(userId),
    'accounts:signIn': async ({ userId, identifier, appPassword, pdsUrl }) => {
      const service = mine(userId);
      return service.signIn(userId, identifier, appPassword, pdsUrl);
    },
    'accounts:unlink': ({ userId }) => mine(userId).unlink(userId),
    'accounts:publishEarlier': ({ userId }) => mine(userId).publishEarlier(userId),
    'accounts:retry': ({ userId, postId }) => mine(userId).retry(userId, postId),
    'accounts:postStates': ({ postIds }) => publishing().states(postIds),
    'accounts:import': ({ userId }) => mine(userId).importOwn(userId),
  } satisfies DomainHandlers<'accounts'>;
}
