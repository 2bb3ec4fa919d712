/** The command line of `npm run dist`: which platforms, which architecture, and whether to stop at an unpacked folder. */
import { parseArgs } from 'node:util';
import { Arch, Platform } from 'electron-builder';
import { ToolFailure } from '../shared/run-tool';

const FLAGS = ['linux', 'win', 'mac', 'x64', 'arm64', 'dir'] as const;
const platformFlags = { linux: Platform.LINUX, win: Platform.WINDOWS, mac: Platform.MAC } as const;

export interface DistRequest {
  platforms: Platform[];
  arch: Arch;
  dirOnly: boolean;
}

/** Reads `--linux|--win|--mac`, `--x64|--arm64` and `--dir`; no platform means this machine's. */
export function parseDistArguments(args: readonly string[]): DistRequest {
  const known = `use ${FLAGS.map((flag) => `--${flag}`).join(', ')}`.replace(/, (--dir)$/, ' or $1');
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(FLAGS.map((flag) => [flag, { type: 'boolean' }])),
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch {
    const unknown = args.find((arg) => !FLAGS.some((flag) => arg === `--${flag}`)) ?? args.join(' ');
    throw new ToolFailure(`npm run dist does not know "${unknown}"; ${known}.`);
  }
  // Tokens keep the order the flags were given in, so the platforms are built in that order.
  const given = parsed.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  const platforms = given.flatMap((name) =>
    name in platformFlags ? [platformFlags[name as keyof typeof platformFlags]] : [],
  );
  const chosenArch = given.filter((name) => name === 'x64' || name === 'arm64').at(-1);
  const arch =
    chosenArch === undefined ? (Arch[process.arch as keyof typeof Arch] ?? Arch.x64) : Arch[chosenArch];
  return {
    platforms: platforms.length > 0 ? platforms : [Platform.current()],
    arch,
    dirOnly: given.includes('dir'),
  };
}
