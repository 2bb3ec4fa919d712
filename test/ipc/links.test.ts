import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/main/app-context';
import { tempDir } from '../fixtures/index';

async function appOpening() {
  const opened: string[] = [];
  const ctx = await createAppContext({
    dbPath: path.join(tempDir(), 'microblog.db'),
    openExternal: async (url) => void opened.push(url),
  });
  return { ctx, opened };
}

describe('links:open', () => {
  it('hands an http or https address to the shell exactly as the post has it', async () => {
    const { ctx, opened } = await appOpening();
    try {
      for (const url of ['https://example.com/a?b=1#c', 'http://example.org', 'HTTPS://EXAMPLE.COM/X']) {
        expect(await ctx.dispatch('links:open', { url })).toEqual({ ok: true, value: { opened: true } });
      }
      expect(opened).toEqual(['https://example.com/a?b=1#c', 'http://example.org', 'HTTPS://EXAMPLE.COM/X']);
    } finally {
      ctx.close();
    }
  });

  it.each([
    ['javascript:alert(1)', 'Only http and https links open in the browser.', 'errors.onlyHttp'],
    ['file:///etc/passwd', 'Only http and https links open in the browser.', 'errors.onlyHttp'],
    [
      'data:text/html,<script>1</script>',
      'Only http and https links open in the browser.',
      'errors.onlyHttp',
    ],
    [
      'https://user:secret@example.com/',
      'A link with a user name or password in it is not opened.',
      'errors.linkCredentials',
    ],
    ['example.com', 'That is not a web address.', 'errors.notAddress'],
    [`https://example.com/${'a'.repeat(2029)}`, 'A link has at most 2,048 characters.', 'errors.linkTooLong'],
  ])('refuses %s without calling the shell', async (url, message, key) => {
    const { ctx, opened } = await appOpening();
    try {
      expect(await ctx.dispatch('links:open', { url })).toEqual({
        ok: false,
        error: { code: 'BAD_REQUEST', message, field: 'url', sentence: expect.objectContaining({ key }) },
      });
      expect(opened).toEqual([]);
    } finally {
      ctx.close();
    }
  });

  it('says so when the window has no way to open links', async () => {
    const ctx = await createAppContext({ dbPath: path.join(tempDir(), 'microblog.db') });
    try {
      expect(await ctx.dispatch('links:open', { url: 'https://example.com/' })).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'This window cannot open links.',
          field: 'url',
          sentence: { key: 'errors.cannotOpenLinks' },
        },
      });
    } finally {
      ctx.close();
    }
  });
});
