import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveRendererFile,
  serveRendererRequest,
} from '../../electron/main/protocol';
import { tempDir } from '../fixtures/index';

function rendererFolder(): string {
  const root = path.join(tempDir(), 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Microblog</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
  return root;
}

describe('the app protocol', () => {
  it('compares protocol and host, since a custom scheme’s origin is "null"', () => {
    expect(new URL('app://microblog/x').origin).toBe('null');
    expect(isAppUrl('app://microblog/timeline')).toBe(true);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('https://microblog/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps URLs to files inside the renderer folder only', () => {
    const root = rendererFolder();
    expect(resolveRendererFile(root, 'app://microblog/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://microblog/users/susan')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://microblog/assets/app.js')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
    for (const url of [
      'app://microblog/../secret.txt',
      'app://microblog/%2e%2e/secret.txt',
      'app://microblog/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://microblog/..%5csecret.txt',
      'app://microblog/%00.js',
      'app://microblog/%E0%A4%A',
      'app://other/assets/app.js',
    ]) {
      const resolved = resolveRendererFile(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
      expect(resolved, url).not.toBe(path.join(path.dirname(root), 'secret.txt'));
    }
  });

  it('serves files with the CSP header, and 404s (also with CSP) outside the folder', async () => {
    const root = rendererFolder();
    const ok = await serveRendererRequest(root, new Request('app://microblog/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/javascript/);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toBe('console.log(1)');
    const missing = await serveRendererRequest(root, new Request('app://microblog/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const post = await serveRendererRequest(
      root,
      new Request('app://microblog/', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(405);
  });

  it('refuses a symlink inside the folder that leads outside it, and serves one that stays inside', async () => {
    const root = rendererFolder();
    const outside = path.join(path.dirname(root), 'secret.txt');
    fs.symlinkSync(outside, path.join(root, 'assets', 'leak.txt'));
    fs.symlinkSync(path.dirname(root), path.join(root, 'up'));
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    for (const url of ['app://microblog/assets/leak.txt', 'app://microblog/up/secret.txt']) {
      // The lexical check passes (the link's own path is inside); only the real path shows where it leads.
      expect(resolveRendererFile(root, url), url).not.toBeNull();
      const response = await serveRendererRequest(root, new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
    const alias = await serveRendererRequest(root, new Request('app://microblog/alias.js'));
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('console.log(1)');
  });

  it('serves a folder that is itself reached through a symlink', async () => {
    const root = rendererFolder();
    const link = path.join(tempDir(), 'renderer-link');
    fs.symlinkSync(root, link);
    const response = await serveRendererRequest(link, new Request('app://microblog/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('has a CSP with no inline script and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
