import fs from 'node:fs';
import path from 'node:path';

/** Keeps a child process's full output for whoever needs the details, returning the log's path. */
export function writeLog(repoRoot: string, name: string, text: string): string {
  const file = path.join(repoRoot, '.cache', 'logs', `${name}.log`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return path.relative(process.cwd(), file) || file;
}
