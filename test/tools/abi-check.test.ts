import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../electron/tools/build';
import { checkAddonAbi, electronAbi, registeredAbis } from '../../electron/tools/native-addon/abi-check';

const require = createRequire(import.meta.url);
/** The Node-ABI addon that `npm install` built into node_modules (what tests and the CLI load). */
const nodeAddon = path.join(
  path.dirname(require.resolve('better-sqlite3/package.json', { paths: [repoRoot] })),
  'build',
  'Release',
  'better_sqlite3.node',
);

function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-abi-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('the ABI check', () => {
  const abi = electronAbi(repoRoot);

  it('reads Electron’s ABI from node_modules/electron/abi_version', () => {
    expect(abi).toMatch(/^\d+$/);
    expect(abi).not.toBe(process.versions.modules);
  });

  it('refuses the Node-ABI addon in node_modules/better-sqlite3', () => {
    const check = checkAddonAbi(nodeAddon, abi, `Electron (ABI ${abi})`);
    console.log(check.message);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.foundAbis).toEqual([process.versions.modules]);
    expect(check.message).toContain(`node_register_module_v${process.versions.modules}`);
  });

  it('accepts a file exporting node_register_module_v<Electron ABI> (a stand-in: the real addon needs a download)', () => {
    const file = tempFile(
      'better_sqlite3.node',
      Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]),
        Buffer.from(`\0node_register_module_v${abi}\0`),
      ]),
    );
    const check = checkAddonAbi(file, abi, `Electron (ABI ${abi})`);
    console.log(check.message);
    expect(check.ok).toBe(true);
  });

  it('refuses a missing file, a file without the symbol, and a file with two ABIs', () => {
    expect(checkAddonAbi(path.join(os.tmpdir(), 'no-such-addon.node'), abi).ok).toBe(false);
    expect(checkAddonAbi(tempFile('a.node', 'napi_register_module_v1'), abi).ok).toBe(false);
    const both = tempFile('b.node', `node_register_module_v115\0node_register_module_v${abi}`);
    expect(registeredAbis(fs.readFileSync(both))).toEqual(['115', abi].sort());
    expect(checkAddonAbi(both, abi).ok).toBe(false);
  });
});
