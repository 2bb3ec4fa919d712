import { minidenticon } from 'minidenticons';
import { useMemo } from 'react';
import { useAvatarUrl } from '../api/profiles';

interface Props {
  /** The username: the generated picture is made from it, the same on every machine. */
  name: string;
  small?: boolean;
  /** The profile's id and whether it has a picture of its own, to fetch it (lists). */
  user?: { id: number; hasAvatar: boolean };
  /** The picture itself, when the caller already has it (the profile page). */
  src?: string | null;
}

/** Offline and deterministic: an identicon drawn from the username, as an SVG data: URL (CSP img-src data:). */
export function generatedAvatar(username: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(minidenticon(username.toLowerCase(), 65, 45))}`;
}

/** A profile's round picture: its own when it has one, otherwise the generated one. Decorative. */
export function Avatar({ name, small = false, user, src }: Props) {
  const own = useAvatarUrl(user?.id ?? 0, src === undefined && user?.hasAvatar === true);
  const generated = useMemo(() => generatedAvatar(name), [name]);
  const url = src ?? own.data ?? generated;
  return (
    <img
      className={small ? 'avatar small' : 'avatar'}
      src={url}
      alt=""
      width={small ? 28 : 96}
      height={small ? 28 : 96}
      draggable={false}
    />
  );
}
