import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Draft, Post } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { addToFeeds, removeFromFeeds } from './feed-updates';
import { keys } from './keys';

interface Author {
  userId: number;
  username: string;
}

/**
 * "Delete and post again" for a published post, whose published copy cannot be edited: the new
 * text is posted first, then the old post is deleted (main publishes both). Posting first means a
 * failure never leaves the text nowhere: at worst both posts exist and the old one can be
 * deleted by hand. A retry after a failure sends the same keys, so it never posts twice, and it
 * skips the post once made. Updates the feeds in place: the new post on top, the old one gone.
 */
export function useDeleteAndPostAgain(author: Author, postId: number) {
  const client = useQueryClient();
  const made = useRef<{ body: string; key: string; post: Post | null } | null>(null);
  const deleteKey = useRef<string | null>(null);
  return useMutation({
    mutationFn: async (body: string): Promise<Post> => {
      if (made.current?.body !== body) made.current = { body, key: crypto.randomUUID(), post: null };
      const attempt = made.current;
      if (!attempt.post) {
        // posts:create ends the composer's draft with the post; this post did not come from it.
        const draft = client.getQueryData<Draft | null>(keys.draft(author.userId));
        attempt.post = await unwrap(
          microblog().posts.create({ userId: author.userId, body, key: attempt.key }),
        );
        addToFeeds(client, author, attempt.post);
        if (draft?.body)
          await unwrap(
            microblog().drafts.save({ userId: author.userId, body: draft.body, key: crypto.randomUUID() }),
          );
      }
      deleteKey.current ??= crypto.randomUUID();
      await unwrap(microblog().posts.delete({ postId, userId: author.userId, key: deleteKey.current }));
      return attempt.post;
    },
    onSuccess: () => removeFromFeeds(client, author, postId),
  });
}
