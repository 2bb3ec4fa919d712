import { usePostHistory } from '../api/post-edits';
import { RelativeTime } from './RelativeTime';
import { ErrorState, Loading } from './States';

/** The earlier versions of an edited post, newest first, each with when it was written. */
export function PostHistory({ postId }: { postId: number }) {
  const history = usePostHistory(postId, true);
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  return (
    <ol className="post-history" aria-label="Earlier versions">
      {history.data.map((revision, i) => (
        <li key={i}>
          <RelativeTime timestamp={revision.writtenAt} />
          <p className="revision-body">{revision.body}</p>
        </li>
      ))}
    </ol>
  );
}
