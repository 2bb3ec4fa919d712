import fs from 'node:fs';
import path from 'node:path';

/** The result of checking one addon file against the ABI it will be loaded by. */
export type AbiCheck =
  | { ok: true; file: string; abi: string; message: string }
  | { ok: false; file: string; expectedAbi: string; foundAbis: string[]; message: string };

/** The Node ABI (NODE_MODULE_VERSION) of the installed Electron, from node_modules/electron/abi_version. */
export function electronAbi(repoRoot: string): string {
  return fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
}

/** Every `node_register_module_v<N>` in a binary; a non-N-API addon exports exactly one, for the ABI it was compiled against. */
export function registeredAbis(binary: Buffer): string[] {
  const text = binary.toString('latin1');
  const found = new Set<string>();
  for (const match of text.matchAll(/node_register_module_v(\d+)/g)) found.add(match[1] ?? '');
  return [...found].sort();
}

/**
 * Refuses an addon that was not compiled for `expectedAbi`: loading it would fail at runtime with
 * "was compiled against a different Node.js version". Reads the file itself, so it checks what will ship.
 */
export function checkAddonAbi(
  file: string,
  expectedAbi: string,
  runtime = `Electron's ABI ${expectedAbi}`,
): AbiCheck {
  if (!fs.existsSync(file)) {
    return {
      ok: false,
      file,
      expectedAbi,
      foundAbis: [],
      message: `ABI check failed: ${file} does not exist, so there is no ${runtime} SQLite addon to package.`,
    };
  }
  const foundAbis = registeredAbis(fs.readFileSync(file));
  const symbol = `node_register_module_v${expectedAbi}`;
  if (foundAbis.length === 1 && foundAbis[0] === expectedAbi) {
    return {
      ok: true,
      file,
      abi: expectedAbi,
      message: `ABI check passed: ${file} exports ${symbol}, which ${runtime} needs.`,
    };
  }
  const found =
    foundAbis.length === 0
      ? 'no node_register_module_v<N> symbol'
      : foundAbis.map((abi) => `node_register_module_v${abi}`).join(', ');
  return {
    ok: false,
    file,
    expectedAbi,
    foundAbis,
    message: `ABI check failed: ${file} has ${found} but ${runtime} needs ${symbol}; refusing to package it.`,
  };
}
