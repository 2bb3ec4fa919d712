import { useEffect, useId, useRef, useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { Avatar } from './Avatar';
import { Dialog } from './Dialog';
import { ProfileForm } from './ProfileForm';
import { ProfileMenu } from './ProfileMenu';
import { rememberProfile } from './recent-profiles';
import { UnlockForm } from './UnlockForm';
import { useTranslation } from '../i18n/index';

/** The active profile in the header; its menu switches to another profile or adds one. */
export function ProfileSwitcher({ activeUser }: { activeUser: User }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  // The list is asked for when the menu opens, not at startup.
  const users = useUsers('asc', '', { enabled: open });
  const { choose: activate, unlocking, setUnlocking, error: activateError } = useChooseProfile();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => rememberProfile(activeUser.id), [activeUser.id]);

  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) buttonRef.current?.focus();
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
    close(true);
    if (user.id === activeUser.id) return;
    // Main decides whether a password is needed; the renderer only reacts to PROFILE_LOCKED.
    activate(user);
  };

  return (
    <div
      className="switcher"
      ref={rootRef}
      onBlur={(event) => {
        // Focus went somewhere outside the button and its menu (Tab, a click elsewhere): close.
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Avatar name={activeUser.username} user={activeUser} small />
        {/* Named by its content, so the visible username is part of the name (label in name). */}
        <span className="visually-hidden">{`${t('switcher.label')} `}</span>
        <span className="truncate">{activeUser.username}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ProfileMenu
          id={menuId}
          users={users.data}
          activeUser={activeUser}
          onChoose={choose}
          onAdd={() => {
            // Focus on the button first: the dialog gives it back there when it closes.
            close(true);
            setAdding(true);
          }}
          onClose={close}
        />
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
