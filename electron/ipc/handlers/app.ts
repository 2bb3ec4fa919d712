import { listAppliedMigrations } from '../../db/index';
import type { DomainHandlers, HandlerContext } from '../handler-types';

/** `app:info`: facts for the About panel and bug reports. */
export function createAppHandlers(ctx: HandlerContext) {
  return {
    'app:info': () => {
      const applied = listAppliedMigrations(ctx.db);
      return { ...ctx.app, schemaVersion: applied.at(-1)?.name ?? '' };
    },
  } satisfies Pick<DomainHandlers<'app'>, 'app:info'>;
}
