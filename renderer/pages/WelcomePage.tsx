import { ProfileForm } from '../components/ProfileForm';
import { useTranslation } from '../i18n/index';

/** First run: no profile exists yet, so the first thing to do is make one. */
export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <main className="welcome">
      <div className="card">
        <p className="brand-mark" aria-hidden="true">
          ✦
        </p>
        <h1>{t('welcome.title')}</h1>
        <p className="muted">{t('welcome.intro')}</p>
        <ProfileForm submitLabel={t('profileForm.create')} />
      </div>
    </main>
  );
}
