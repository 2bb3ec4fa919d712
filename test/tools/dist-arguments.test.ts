import { Arch, Platform } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parseDistArguments } from '../../electron/tools/dist-arguments';
import { ToolFailure } from '../../electron/shared/run-tool';

describe('npm run dist arguments', () => {
  it('builds for this machine when no platform is named', () => {
    expect(parseDistArguments([]).platforms).toEqual([Platform.current()]);
  });

  it('selects the named platforms and architecture', () => {
    const request = parseDistArguments(['--linux', '--win', '--mac', '--arm64', '--dir']);
    expect(request.platforms).toEqual([Platform.LINUX, Platform.WINDOWS, Platform.MAC]);
    expect(request.arch).toBe(Arch.arm64);
    expect(request.dirOnly).toBe(true);
  });

  it('refuses an unknown flag with one sentence', () => {
    expect(() => parseDistArguments(['--linx'])).toThrow(ToolFailure);
    expect(() => parseDistArguments(['--linx'])).toThrow(/^npm run dist does not know "--linx"; use --linux/);
  });
});
