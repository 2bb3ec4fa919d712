/**
 * The directory's natural, case-insensitive order as a plain text key: compared byte by byte,
 * keys sort `sam9` before `sam79` before `Sam100`. Pure: the users repository writes it with
 * every new profile and the migration that added the column fills it for existing ones.
 */

/** Digit runs lose their leading zeros and get their length (two digits) in front. */
export function naturalKey(username: string): string {
  return username.toLowerCase().replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return `${String(digits.length).padStart(2, '0')}${digits}`;
  });
}
