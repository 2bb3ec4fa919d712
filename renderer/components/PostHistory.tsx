import { usePostHistory } from '../api/post-edits';
import { RelativeTime } from './RelativeTime';
import { ErrorState, Loading } from './States';
import { useTranslation } from '../i18n/index';

/** The earlier versions of an edited post, newest first, each with when it was written. */
export function PostHistory({ postId }: { postId: number }) {
  const { t } = useTranslation();
  const history = usePostHistory(postId, true);
  if (history.isPending) return <Loading label={t('history.loading')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  return (
    <ol className="post-history" aria-label={t('history.label')}>
      {history.data.map((revision, i) => (
        <li key={i}>
          <RelativeTime timestamp={revision.writtenAt} />
          <p className="revision-body">{revision.body}</p>
        </li>
      ))}
    </ol>
  );
}
