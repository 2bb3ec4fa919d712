import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { User } from '../../electron/ipc/contract';
import { ProfileRow } from './ProfileRow';
import { useTranslation } from '../i18n/index';

const ROW_HEIGHT = 52;

/**
 * "Who is posting?"'s list: only the rows in view (plus a few) are in the page, so 1,000
 * profiles cost what 15 do. The list has its own bounded, scrolling box.
 */
export function ChooserList({ users, onChoose }: { users: User[]; onChoose: (user: User) => void }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- its functions are used here only, never passed to memoized code.
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => users[index]?.id ?? index,
  });
  return (
    <div ref={scrollRef} className="choose-scroll">
      <ul
        className="choose-list"
        aria-label={t('users.profiles')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const user = users[row.index];
          if (!user) return null;
          return (
            <ProfileRow
              key={row.key}
              user={user}
              action={{ onSelect: () => onChoose(user) }}
              avatar
              className="secondary"
              style={{ transform: `translateY(${row.start}px)` }}
              setSize={users.length}
              position={row.index + 1}
            />
          );
        })}
      </ul>
    </div>
  );
}
