import { useMemo, type MouseEvent } from 'react';
import { tokenizePost } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { openLink } from '../api/post-edits';
import { useUsers } from '../api/users';
import { hrefFor } from '../app/router';

/**
 * Every profile's username, lower case: a mention links only to someone who exists. Read only
 * once a post on screen mentions someone, so a start without mentions never lists the profiles.
 */
function useKnownUsernames(needed: boolean): Set<string> {
  const users = useUsers('asc', '', { enabled: needed });
  return useMemo(() => new Set((users.data ?? []).map((u) => u.username.toLowerCase())), [users.data]);
}

/** Opens the link in the system browser through main; the app window never navigates. */
function openInBrowser(event: MouseEvent<HTMLAnchorElement>, url: string) {
  event.preventDefault();
  openLink(url).catch((error: unknown) => window.alert(errorMessage(error)));
}

/**
 * A post's text as text (React never parses markup in it), with its http(s) links, #tags and
 * @mentions of existing profiles as links. The pieces come from the same reading of the body
 * that stored its tags.
 */
export function PostBody({ body }: { body: string }) {
  const tokens = useMemo(() => tokenizePost(body), [body]);
  const known = useKnownUsernames(tokens.some((token) => token.kind === 'mention'));
  return (
    <p className="post-body">
      {tokens.map((token, i) => {
        if (token.kind === 'link') {
          return (
            <a key={i} href={token.url} className="post-link" onClick={(e) => openInBrowser(e, token.url)}>
              {token.text}
            </a>
          );
        }
        if (token.kind === 'tag') {
          return (
            <a key={i} href={hrefFor({ name: 'tag', tag: token.tag.toLowerCase() })} className="post-tag">
              {token.text}
            </a>
          );
        }
        if (token.kind === 'mention' && known.has(token.username.toLowerCase())) {
          return (
            <a key={i} href={hrefFor({ name: 'profile', username: token.username })} className="post-mention">
              {token.text}
            </a>
          );
        }
        return token.text;
      })}
    </p>
  );
}
