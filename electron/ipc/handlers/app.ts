import { listAppliedMigrations } from '../../db/index';
import type { DomainHandlers, HandlerContext } from '../handler-types';

/** `app:info`: facts for the About panel and bug reports. */
export function createAppHandlers(ctx: HandlerContext) {
  return {
    'app:info': () => {
      const applied = listAppliedMigrations(ctx.db);
      const sqlite = ctx.db.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? '';
      return {
        ...ctx.app,
        schemaVersion: applied.at(-1)?.name ?? '',
        versions: {
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
          node: process.versions.node,
          sqlite,
        },
      };
    },
  } satisfies Pick<DomainHandlers<'app'>, 'app:info'>;
}
