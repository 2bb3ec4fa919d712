import { MicroblogError } from '../../db/errors';
import type { DataService, DomainHandlers, HandlerContext } from '../handler-types';
import { say } from '../../db/sentences';

const unavailable = (): never => {
  throw new MicroblogError('INTERNAL', say('errors.dataUnavailable'));
};

/** Every method refuses with one sentence: where no Data service runs. */
const NO_DATA: DataService = {
  overview: unavailable,
  startExport: unavailable,
  startImport: unavailable,
  cancel: unavailable,
  backupNow: unavailable,
  restore: unavailable,
  setKeepBackups: unavailable,
  showInFolder: unavailable,
  copy: unavailable,
};

/** `data:*`: export, import and backups; the work is done by main's Data service. */
export function createDataHandlers(ctx: HandlerContext) {
  const data = ctx.data ?? NO_DATA;
  return {
    'data:overview': () => data.overview(),
    'data:export': (input) => data.startExport(input),
    'data:import': () => data.startImport(),
    'data:cancel': ({ jobId }) => ({ cancelled: data.cancel(jobId) }),
    'data:backupNow': () => data.backupNow(),
    'data:restore': async ({ name }) => {
      await data.restore(name);
      return { restarting: true as const };
    },
    'data:setKeepBackups': ({ keepBackups }) => ({ keepBackups: data.setKeepBackups(keepBackups) }),
    'data:showInFolder': ({ target }) => {
      data.showInFolder(target);
      return { shown: true as const };
    },
    'data:copy': async ({ what }) => {
      await data.copy(what);
      return { copied: true as const };
    },
  } satisfies DomainHandlers<'data'>;
}
