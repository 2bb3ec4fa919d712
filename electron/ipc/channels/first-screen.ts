/** `app:firstScreen`: everything the first screen shows, in one call instead of a waterfall. */
import { z } from 'zod';
import type { Draft, Page, TimelinePost } from '../../db/models';
import type { Session } from '../contract';
import { channel, limit } from './schema-kit';

/** The session, whether any profile exists, the timeline's first page and the active profile's draft. */
export interface FirstScreen {
  session: Session;
  /** False on the very first run: the welcome screen creates the first profile. */
  hasProfiles: boolean;
  /** The newest posts, `limit` of them (as `posts:timeline` with no cursor answers). */
  timeline: Page<TimelinePost>;
  /** The active profile's unfinished post; null when there is none or the profile is still locked. */
  draft: Draft | null;
}

export const firstScreenChannels = {
  'app:firstScreen': channel<FirstScreen>()(z.object({ limit }).strict()),
};
