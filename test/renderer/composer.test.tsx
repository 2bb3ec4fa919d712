import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CharacterCounter, OverLimitPreview } from '../../renderer/components/CharacterCounter';
import { Composer } from '../../renderer/components/Composer';
import { DRAFT_DEBOUNCE_MS } from '../../renderer/components/draft-saver';
import { brokenTextSentence } from '../../electron/db/rules';
import type { MicroblogApi } from '../../electron/ipc/contract';
import { installFakeApi, ok, withQueryClient } from './fake-api';

const user = {
  id: 7,
  username: 'ann',
  email: 'ann@example.com',
  hasPassword: false,
  displayName: null,
  hasAvatar: false,
};

/** The composer with an empty draft whose saves succeed, posting through `create`. */
async function composerPosting(create: MicroblogApi['posts']['create']): Promise<HTMLTextAreaElement> {
  installFakeApi({
    drafts: { get: () => ok(null), save: (input) => ok({ body: input.body, updatedAt: 'x' }) },
    posts: { create },
  });
  render(withQueryClient(<Composer user={user} />));
  return (await screen.findByRole('textbox', { name: 'New post' })) as HTMLTextAreaElement;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function counterText(text: string): { label: string; over: boolean } {
  const { container, unmount } = render(<CharacterCounter text={text} />);
  const counter = container.querySelector('.counter') as HTMLElement;
  const result = { label: counter.textContent ?? '', over: counter.classList.contains('over') };
  unmount();
  return result;
}

describe('the composer counter', () => {
  it('counts ASCII characters one each', () => {
    expect(counterText('hello world').label).toBe('11/140');
  });

  it('counts an emoji once, though it is two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(counterText('😀').label).toBe('1/140');
    expect(counterText('hi 👋🏽').label).toBe('4/140'); // a hand and its skin tone are one character
  });

  it('counts what the user sees: a family, a flag, a letter with its accent once each', () => {
    expect(counterText('👨‍👩‍👧‍👦').label).toBe('1/140');
    expect(counterText('🇩🇪').label).toBe('1/140');
    expect(counterText('e\u0301').label).toBe('1/140');
    expect(counterText('👨‍👩‍👧‍👦'.repeat(30)).label).toBe('30/140');
  });

  it('marks exactly the characters past the limit under the text', () => {
    const text = `${'a'.repeat(139)}👨‍👩‍👧‍👦🇩🇪!`;
    const { container } = render(<OverLimitPreview text={text} />);
    expect(container.querySelector('mark')?.textContent).toBe('🇩🇪!');
    expect(container.textContent).toBe(`Does not fit: …${'a'.repeat(11)}👨‍👩‍👧‍👦🇩🇪!`);
    cleanup();
    expect(render(<OverLimitPreview text={'a'.repeat(140)} />).container.querySelector('mark')).toBeNull();
  });

  it('accepts 140 and flags 141 as over the limit', () => {
    expect(counterText('a'.repeat(140))).toEqual({ label: '140/140', over: false });
    expect(counterText('😀'.repeat(140))).toEqual({ label: '140/140', over: false });
    expect(counterText('a'.repeat(141))).toEqual({ label: '141/140 · 1 over the limit', over: true });
  });
});

describe('the composer', () => {
  it('restores the saved draft, disables Post over the limit, and saves the draft after a pause', async () => {
    const save = vi.fn((input: { userId: number; body: string }) => ok({ body: input.body, updatedAt: 'x' }));
    installFakeApi({ drafts: { get: () => ok({ body: 'from last time', updatedAt: 'x' }), save } });
    render(withQueryClient(<Composer user={user} />));
    const box = (await screen.findByRole('textbox', { name: 'New post' })) as HTMLTextAreaElement;
    expect(box.value).toBe('from last time');

    vi.useFakeTimers();
    fireEvent.change(box, { target: { value: 'x'.repeat(141) } });
    expect((screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement).disabled).toBe(true);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS + 10));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ userId: 7, body: 'x'.repeat(141), key: expect.any(String) });
  });

  it('keeps the text and shows the reason when main refuses the post', async () => {
    const box = await composerPosting(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'DATABASE_BUSY' as const, message: 'The database is busy. Try again in a moment.' },
      }),
    );
    fireEvent.change(box, { target: { value: 'a post worth keeping' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The database is busy. Try again in a moment.',
    );
    expect(box.value).toBe('a post worth keeping');
  });

  it('refuses a lone surrogate with the database’s sentence, without sending it', async () => {
    const create = vi.fn(() => ok({ id: 1, body: 'x', timestamp: 'x', userId: 7, editedAt: null }));
    const box = await composerPosting(create);
    fireEvent.change(box, { target: { value: 'half an emoji \uD83D' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe(brokenTextSentence('body'));
    expect(create).not.toHaveBeenCalled();
    expect(box.value).toBe('half an emoji \uD83D');
  });

  it('on a full disk keeps the text, says so, and posts again with the same key', async () => {
    const full = 'The disk is full, so this was not saved. Free up some space, then try again.';
    const create = vi.fn((input: { userId: number; body: string; key?: string }) =>
      Promise.resolve(
        create.mock.calls.length < 3
          ? { ok: false as const, error: { code: 'DISK_FULL' as const, message: full } }
          : ok({ id: 1, body: input.body, timestamp: '2026-01-01T00:00:00.000Z', userId: 7, editedAt: null }),
      ),
    );
    const box = await composerPosting(create);
    fireEvent.change(box, { target: { value: 'worth keeping' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe(full);
    expect(box.value).toBe('worth keeping');

    // Post again, same text: same key, so main can never make it two posts.
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('alert')).toBeTruthy();
    const [first, second] = create.mock.calls.map(([input]) => input);
    expect(first?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.key).toBe(first?.key);

    // Changed text is another post: a new key.
    fireEvent.change(box, { target: { value: 'worth keeping, edited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    await vi.waitFor(() => expect(box.value).toBe(''));
    expect(create.mock.calls[2]?.[0].key).not.toBe(first?.key);
  });
});
