import { useEffect, useRef, useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { Dialog } from './Dialog';
import { ProfileForm } from './ProfileForm';
import { ProfileRow } from './ProfileRow';
import { UnlockForm } from './UnlockForm';
import { Avatar } from './Avatar';
import { useTranslation } from '../i18n/index';

/** The active profile in the header; opens a list to switch to another one or add one. */
export function ProfileSwitcher({ activeUser }: { activeUser: User }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const users = useUsers('asc');
  const { choose: activate, unlocking, setUnlocking, error: activateError } = useChooseProfile();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  /** Closes the menu with focus back on its button, so keyboard users are not dropped on the page. */
  const closeMenu = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (user: User) => {
    closeMenu();
    if (user.id === activeUser.id) return;
    // Main decides whether a password is needed; the renderer only reacts to PROFILE_LOCKED.
    activate(user);
  };

  return (
    <div
      className="switcher"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) closeMenu();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={activeUser.username} small />
        {/* Named by its content, so the visible username is part of the name (label in name). */}
        <span className="visually-hidden">{`${t('switcher.label')} `}</span>
        <span className="truncate">{activeUser.username}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="switcher-menu">
          <p className="menu-title">{t('switcher.title')}</p>
          <ul aria-label={t('users.profiles')}>
            {users.data?.map((user) => (
              <ProfileRow
                key={user.id}
                user={user}
                action={{ onSelect: () => choose(user) }}
                activeBadge={user.id === activeUser.id ? t('users.active') : undefined}
              />
            ))}
          </ul>
          <button
            type="button"
            className="secondary add-profile"
            onClick={() => {
              closeMenu();
              setAdding(true);
            }}
          >
            {t('switcher.addAnother')}
          </button>
        </div>
      )}
      {activateError && (
        <p className="form-error" role="alert">
          {activateError}
        </p>
      )}
      {unlocking && (
        <Dialog
          title={t('switcher.switchTo', { username: unlocking.username })}
          onClose={() => setUnlocking(null)}
        >
          <p>{t('switcher.protected')}</p>
          <UnlockForm
            user={unlocking}
            onUnlocked={() => setUnlocking(null)}
            onCancel={() => setUnlocking(null)}
          />
        </Dialog>
      )}
      {adding && (
        <Dialog title={t('choose.addTitle')} onClose={() => setAdding(false)}>
          <ProfileForm
            submitLabel={t('profileForm.create')}
            onCreated={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </Dialog>
      )}
    </div>
  );
}
