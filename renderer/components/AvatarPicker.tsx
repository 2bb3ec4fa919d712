import { useId, useRef, useState } from 'react';
import type { UserProfile } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { useRemoveAvatar, useSetAvatar } from '../api/profiles';
import { Avatar } from './Avatar';
import { avatarFromFile } from './avatar-image';
import { useTranslation } from '../i18n/index';

/** Picks a picture file, decodes and resizes it here, and stores it; or goes back to the generated one. */
export function AvatarPicker({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const save = useSetAvatar();
  const remove = useRemoveAvatar();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      const image = await avatarFromFile(file);
      await save.mutateAsync({ userId: profile.id, image });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="avatar-picker">
      <Avatar name={profile.username} src={profile.avatar} />
      <div className="stack">
        <button
          type="button"
          className="secondary"
          disabled={reading || save.isPending}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onClick={() => inputRef.current?.click()}
        >
          {reading || save.isPending ? t('avatar.saving') : t('avatar.choose')}
        </button>
        {/* The button above is what people use; the file input only opens the system's file picker. */}
        <input
          ref={inputRef}
          id={inputId}
          hidden
          type="file"
          accept="image/png,image/jpeg,image/webp,image/*"
          aria-label={t('avatar.label')}
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {profile.hasAvatar && (
          <button
            type="button"
            className="secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate(profile.id, { onError: (e) => setError(errorMessage(e)) })}
          >
            {t('avatar.useGenerated')}
          </button>
        )}
        {error && (
          <p className="field-error" id={`${inputId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
