/** The import direction is enforced by lint: each backwards import fails, the intended ones pass. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/root';

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, '.ci/eslint.config.js') });

/** The no-restricted-imports messages for a file at `file` that imports `from`. */
async function restricted(file: string, from: string): Promise<string[]> {
  const code = `import { thing } from '${from}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint forbids imports that run back up the layers', () => {
  it.each([
    ['electron/db/x.ts', '../../migrations/index', 'db → migrations'],
    ['electron/db/x.ts', '../main/startup', 'db → main'],
    ['electron/ipc/x.ts', '../main/protocol', 'ipc → main'],
    ['electron/cli/x.ts', '../tools/logs', 'cli → tools'],
    ['electron/cli/x.ts', '../main/startup', 'cli → main'],
    ['electron/tools/x.ts', '../cli/tool', 'tools → cli'],
    ['electron/tools/x.ts', '../../test/e2e/harness', 'tools → test'],
    ['electron/main/x.ts', '../../test/main/helpers', 'main → test'],
    ['electron/main/x.ts', '../cli/tool', 'main → cli'],
    ['electron/schema/x.ts', '../cli/barrel', 'schema → cli'],
    ['electron/shared/x.ts', '../db/connection', 'shared → db'],
    ['electron/data/x.ts', '../main/startup', 'data → main'],
    ['electron/data/x.ts', '../ipc/contract', 'data → ipc'],
    ['electron/preload.ts', './db/index', 'preload → db'],
    ['migrations/0099-x.ts', '../electron/main/startup', 'migrations → main'],
    ['renderer/x.ts', '../test/renderer/fake-api', 'renderer → test'],
  ])('%s importing %s (%s)', async (file, from) => {
    expect(await restricted(file, from)).toHaveLength(1);
  });
});

describe('and allows the intended ones', () => {
  it.each([
    ['electron/main/register.ts', './protocol'],
    ['electron/main/startup.ts', '../../migrations/index'],
    ['electron/main/x.ts', '../ipc/contract'],
    ['electron/cli/x.ts', '../schema/plan'],
    ['electron/cli/x.ts', '../shared/run-tool'],
    ['electron/tools/x.ts', '../shared/run-tool'],
    ['electron/ipc/x.ts', '../db/index'],
    ['electron/cli/x.ts', '../data/archive-export'],
    ['electron/main/x.ts', '../data/backups'],
    ['electron/data/x.ts', '../shared/durable-file'],
    ['migrations/0099-x.ts', '../electron/db/migration-types'],
    ['test/e2e/screenshots.ts', './harness'],
    ['test/e2e/screenshots.ts', '../../electron/main/app-context'],
  ])('%s importing %s', async (file, from) => {
    expect(await restricted(file, from)).toEqual([]);
  });
});
