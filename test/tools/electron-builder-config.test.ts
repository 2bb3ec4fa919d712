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

  it('targets AppImage and deb, nsis and dmg, from one source icon.png that electron-builder converts', () => {
    const linux = config.linux as { target: string[]; icon?: string };
    const win = config.win as { target: string[]; icon?: string };
    const mac = config.mac as { target: string[]; icon?: string };
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(win.target).toEqual(['nsis']);
    expect(mac.target).toEqual(['dmg']);
    // No platform names an icon of its own, so each one is made from the shared source.
    expect([linux.icon, win.icon, mac.icon]).toEqual([undefined, undefined, undefined]);
    const resources = path.join(repoRoot, 'electron', 'resources');
    expect(config.icon).toBe('icon.png');
    const png = fs.readFileSync(path.join(resources, 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // macOS needs at least 512×512 to make its .icns (width and height are in the IHDR chunk).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(fs.readdirSync(resources)).toEqual(['icon.png']);
  });
});
