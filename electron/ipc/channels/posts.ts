/**
 * The channels of editing, history, undo and tag pages: `channel<Result>()(inputSchema)` entries that
 * contract.ts spreads into its one table. Pure zod: nothing here may import Node or Electron.
 */
import { z } from 'zod';
import type { Page, Post, PostRevision, TimelinePost } from '../../db/models';
import { TAG_MAX } from '../../db/post-text';
import { bodySchema, channel, cursor, id, key, limit } from './schema-kit';

const TAG_SENTENCE = `A tag has 1 to ${TAG_MAX} letters, digits or "_".`;

/** A tag as the tag page asks for it: the word after `#`, in any case. */
const tag = z
  .string()
  .min(1, TAG_SENTENCE)
  .max(TAG_MAX * 2, TAG_SENTENCE)
  .regex(/^[\p{L}\p{N}\p{M}_]+$/u, TAG_SENTENCE)
  .refine((value) => [...value].length <= TAG_MAX, TAG_SENTENCE);

export const postChannels = {
  'posts:edit': channel<Post>()(z.object({ postId: id, userId: id, body: bodySchema, key }).strict()),
  'posts:history': channel<PostRevision[]>()(z.object({ postId: id }).strict()),
  'posts:restore': channel<Post>()(z.object({ postId: id, userId: id, key }).strict()),
  'posts:byTag': channel<Page<TimelinePost>>()(z.object({ tag, cursor, limit }).strict()),
} as const;
