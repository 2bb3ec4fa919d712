import { ProfileForm } from '../components/ProfileForm';

/** First run: no profile exists yet, so the first thing to do is make one. */
export function WelcomePage() {
  return (
    <main className="welcome">
      <div className="card">
        <p className="brand-mark" aria-hidden="true">
          ✦
        </p>
        <h1>Welcome to Microblog</h1>
        <p className="muted">
          Short posts, kept in one file on this computer. Create your first profile to begin; you can add more
          later.
        </p>
        <ProfileForm submitLabel="Create profile" />
      </div>
    </main>
  );
}
