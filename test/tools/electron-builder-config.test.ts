import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../electron/tools/build';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  fs.readFileSync(require.resolve('app-builder-lib/scheme.json', { paths: [repoRoot] }), 'utf8'),
) as object;
const config = parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

/** electron-builder's schema is draft-07 with its own `typeof` keyword (for hooks), which Ajv's strict mode rejects. */
function validator(): Ajv {
  return new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const validate = validator().compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a misspelt option, so the check above can fail', () => {
    const validate = validator().compile(schema);
    expect(validate({ ...config, npmRebuilt: false })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('never rebuilds native modules and sets the fuses to the safe values', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb, nsis and dmg, with icons that exist', () => {
    const linux = config.linux as { target: string[]; icon: string };
    const win = config.win as { target: string[]; icon: string };
    const mac = config.mac as { target: string[]; icon: string };
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(win.target).toEqual(['nsis']);
    expect(mac.target).toEqual(['dmg']);
    const resources = path.join(repoRoot, 'electron', 'resources');
    expect(fs.existsSync(path.join(resources, linux.icon, '512x512.png'))).toBe(true);
    expect(fs.existsSync(path.join(resources, win.icon))).toBe(true);
    expect(fs.existsSync(path.join(resources, mac.icon))).toBe(true);
  });
});
