import type { Db } from './connection';

/** Key/value settings stored with the data. */
export function createSettingsRepository(db: Db) {
  const get = db.prepare<[string], string>(`SELECT value FROM settings WHERE key = ?`).pluck();
  const set = db.prepare<[string, string]>(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare<[string]>(`DELETE FROM settings WHERE key = ?`);

  return {
    /** The setting's value, or undefined. */
    get(key: string): string | undefined {
      return get.get(key);
    },
    /** Stores a setting; `undefined` removes it. */
    set(key: string, value: string | undefined): void {
      if (value === undefined) remove.run(key);
      else set.run(key, value);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
