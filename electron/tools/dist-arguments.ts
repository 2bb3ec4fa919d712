/** The command line of `npm run dist`: which platforms, which architecture, and whether to stop at an unpacked folder. */
import { Arch, Platform } from 'electron-builder';
import { ToolFailure } from './failure';

const platformFlags: Record<string, Platform> = {
  '--linux': Platform.LINUX,
  '--win': Platform.WINDOWS,
  '--mac': Platform.MAC,
};
const archFlags: Record<string, Arch> = { '--x64': Arch.x64, '--arm64': Arch.arm64 };

export interface DistRequest {
  platforms: Platform[];
  arch: Arch;
  dirOnly: boolean;
}

/** Reads `--linux|--win|--mac`, `--x64|--arm64` and `--dir`; no platform means this machine's. */
export function parseDistArguments(args: readonly string[]): DistRequest {
  const platforms: Platform[] = [];
  let arch = Arch[process.arch as keyof typeof Arch] ?? Arch.x64;
  let dirOnly = false;
  for (const arg of args) {
    const platform = platformFlags[arg];
    const chosenArch = archFlags[arg];
    if (platform !== undefined) platforms.push(platform);
    else if (chosenArch !== undefined) arch = chosenArch;
    else if (arg === '--dir') dirOnly = true;
    else
      throw new ToolFailure(
        `npm run dist does not know "${arg}"; use --linux, --win, --mac, --x64, --arm64 or --dir.`,
      );
  }
  return { platforms: platforms.length > 0 ? platforms : [Platform.current()], arch, dirOnly };
}
