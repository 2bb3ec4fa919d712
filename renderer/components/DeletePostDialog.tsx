import type { Post, User } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { useDeletePost } from '../api/posts';
import { ConfirmDialog } from './Dialog';

/** Confirms and deletes one of the active profile's posts. */
export function DeletePostDialog({ post, author, onDone }: { post: Post; author: User; onDone: () => void }) {
  const remove = useDeletePost({ userId: author.id, username: author.username });
  const preview = post.body.length > 60 ? `${post.body.slice(0, 60)}…` : post.body;
  return (
    <ConfirmDialog
      title="Delete this post?"
      message={`“${preview}” will be removed for good.`}
      confirmLabel="Delete post"
      pending={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : undefined}
      onCancel={onDone}
      onConfirm={() => remove.mutate(post.id, { onSuccess: onDone })}
    />
  );
}
