import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const DEV_ENV = new URL('node_modules/@atproto/dev-env/package.json', import.meta.url);

describe('the AT Protocol test network', () => {
  it('is installed', () => {
    if (!fs.existsSync(DEV_ENV)) {
      const message =
        'The AT Protocol tests need their own install: run `npm ci --prefix test/atproto` once.';
      const missing = new Error(message);
      missing.stack = message;
      throw missing;
    }
    const pinned = JSON.parse(fs.readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = JSON.parse(fs.readFileSync(DEV_ENV, 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned.dependencies['@atproto/dev-env']);
  });
});
