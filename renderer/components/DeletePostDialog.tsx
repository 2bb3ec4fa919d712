import { useRef } from 'react';
import type { Post, User } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { useDeletePost } from '../api/posts';
import { useTranslation } from '../i18n/index';
import { ConfirmDialog } from './Dialog';
import { offerUndo } from './undo-toast';

/** Confirms and deletes one of the active profile's posts. */
export function DeletePostDialog({ post, author, onDone }: { post: Post; author: User; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeletePost({ userId: author.id, username: author.username });
  // Set before the dialog closes: the post's Delete button, which opened it, goes with the post.
  const deleted = useRef(false);
  // Cut by code points, so an emoji is never split in half.
  const chars = [...post.body];
  const preview = chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : post.body;
  return (
    <ConfirmDialog
      title={t('deletePost.title')}
      message={t('deletePost.message', { preview })}
      confirmLabel={t('deletePost.confirm')}
      pending={remove.isPending}
      openerGone={() => deleted.current}
      error={remove.error ? errorMessage(remove.error) : undefined}
      onCancel={onDone}
      onConfirm={() =>
        remove.mutate(post.id, {
          onSuccess: () => {
            deleted.current = true;
            onDone();
            offerUndo({ postId: post.id, userId: author.id, username: author.username });
          },
        })
      }
    />
  );
}
