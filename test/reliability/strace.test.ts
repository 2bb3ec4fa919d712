import { describe, it } from 'vitest';
import { HAS_STRACE, NO_STRACE_MESSAGE } from './helpers';

// The scenarios themselves run only where strace does (describe.runIf); on Linux a missing
// strace is one failing check with what to install, never a silent skip.
describe.runIf(process.platform === 'linux')('the syscall-level reliability scenarios', () => {
  it('have strace to run under', () => {
    if (!HAS_STRACE) throw new Error(NO_STRACE_MESSAGE);
  });
});
