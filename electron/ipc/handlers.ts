import { createAppHandlers } from './handlers/app';
import { createDraftHandlers } from './handlers/drafts';
import { createPostHandlers } from './handlers/posts';
import { createSessionHandlers } from './handlers/session';
import { createUserHandlers } from './handlers/users';
import type { HandlerContext, Handlers } from './handler-types';
import { createSessionState } from './session-state';

export type { AppFacts, Handler, HandlerContext, Handlers, ParsedInput } from './handler-types';

/** The handler table for every contract channel, sharing one session state per process. */
export function createHandlers(ctx: HandlerContext): Handlers {
  const session = createSessionState(ctx.repos);
  return {
    ...createAppHandlers(ctx),
    ...createSessionHandlers(session),
    ...createUserHandlers(ctx, session),
    ...createPostHandlers(ctx, session),
    ...createDraftHandlers(ctx, session),
  } satisfies Handlers;
}

export { createDispatcher, type Dispatch } from './dispatch';
