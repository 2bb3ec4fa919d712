/**
 * Every migration, in the order it runs. Generated from the folder listing by
 * `npm run db -- barrel` (and by create, migrate and squash): do not edit it by hand.
 * A static list rather than a folder scan, so the bundled app (inside asar) needs no
 * file system access to find them; `npm run db -- check` fails when it is not current.
 */
import type { MigrationModule } from '../electron/db/migration-types';
import * as m0001 from './0001-create-users';
import * as m0002 from './0002-create-posts';
import * as m0003 from './0003-create-drafts';
import * as m0004 from './0004-create-settings';
import * as m0005 from './0005-never-reuse-ids-and-write-keys';
import * as m0006 from './0006-profiles';
import * as m0007 from './0007-posts-edit-tags-undo';
import * as m0008 from './0008-create-follows-and-natural-sort-key';
import * as m0009 from './0009-full-text-search';
import * as m0010 from './0010-timeline-index-with-user-id';
import * as m0011 from './0011-at-protocol-accounts-and-outbox';

export const migrations: readonly MigrationModule[] = [
  { name: '0001-create-users', ...m0001 },
  { name: '0002-create-posts', ...m0002 },
  { name: '0003-create-drafts', ...m0003 },
  { name: '0004-create-settings', ...m0004 },
  { name: '0005-never-reuse-ids-and-write-keys', ...m0005 },
  { name: '0006-profiles', ...m0006 },
  { name: '0007-posts-edit-tags-undo', ...m0007 },
  { name: '0008-create-follows-and-natural-sort-key', ...m0008 },
  { name: '0009-full-text-search', ...m0009 },
  { name: '0010-timeline-index-with-user-id', ...m0010 },
  { name: '0011-at-protocol-accounts-and-outbox', ...m0011 },
];
