import { createAccountHandlers } from './handlers/accounts';
import { createAppHandlers } from './handlers/app';
import { createDataHandlers } from './handlers/data-screen';
import { createDraftHandlers } from './handlers/drafts';
import { createLinkHandlers } from './handlers/links';
import { createFirstScreenHandlers } from './handlers/first-screen';
import { createPostHandlers } from './handlers/posts';
import { createProfileHandlers } from './handlers/profiles';
import { createSearchHandlers } from './handlers/search';
import { createSessionHandlers } from './handlers/session';
import { createSettingsHandlers } from './handlers/settings';
import { createUserHandlers } from './handlers/users';
import type { HandlerContext, Handlers } from './handler-types';
import { createSessionState } from './session-state';
import { createUnlockAttempts } from './unlock-attempts';

export type {
  AppFacts,
  DomainHandlers,
  Handler,
  HandlerContext,
  Handlers,
  ParsedInput,
  Publishing,
} from './handler-types';

/** Options for tests: the clock the attempt delay reads. */
export interface HandlerOptions {
  now?: () => number;
}

/** The handler table for every contract channel, sharing one session state per process. */
export function createHandlers(ctx: HandlerContext, options: HandlerOptions = {}): Handlers {
  const session = createSessionState(ctx.repos, createUnlockAttempts(options.now));
  return {
    ...createAppHandlers(ctx),
    ...createSessionHandlers(session),
    ...createUserHandlers(ctx, session),
    ...createProfileHandlers(ctx, session),
    ...createPostHandlers(ctx, session),
    ...createDraftHandlers(ctx, session),
    ...createSettingsHandlers(ctx),
    ...createLinkHandlers(ctx),
    ...createSearchHandlers(ctx, session),
    ...createDataHandlers(ctx),
    ...createAccountHandlers(ctx, session),
    ...createFirstScreenHandlers(ctx, session),
  } satisfies Handlers;
}

export { createDispatcher, type Dispatch } from './dispatch';
