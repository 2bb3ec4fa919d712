import type { z } from 'zod';
import type { Db, Repositories } from '../db/index';
import type { AppInfo, Channel, ChannelOutput, ChannelsOf, Domain, channels } from './contract';

/** A channel's input after its schema parsed it: what a handler receives. */
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

/** One channel's handler: throws MicroblogError for what the user can fix, returns plain data otherwise. */
export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The full table: one handler per contract channel, so a missing one does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** One domain's part of the table, from the channel names: `DomainHandlers<'posts'>`. */
export type DomainHandlers<D extends Domain> = Pick<Handlers, ChannelsOf<D>>;

/** Facts about the running app that the handlers report but do not compute. */
export type AppFacts = Omit<AppInfo, 'schemaVersion'>;

/** What the handlers work with: the open database, its repositories and the app's facts. */
export interface HandlerContext {
  db: Db;
  repos: Repositories;
  app: AppFacts;
  /** The OS locale (Electron's `app.getLocale()`), which the language follows until one is chosen. */
  systemLocale?: string;
}
