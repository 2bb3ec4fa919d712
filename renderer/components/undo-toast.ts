import { useSyncExternalStore } from 'react';

/** How long "Post deleted · Undo" stays: main keeps the post's snapshot far longer. */
export const UNDO_MS = 6000;

export interface UndoOffer {
  postId: number;
  /** The author whose post it was: only they may restore it. */
  userId: number;
  username: string;
}

// One offer at a time, shared by every feed: the newest delete replaces an older offer.
let current: UndoOffer | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** Shows the Undo toast for a post just deleted, for UNDO_MS. */
export function offerUndo(offer: UndoOffer): void {
  clearTimeout(timer);
  current = offer;
  timer = setTimeout(dismissUndo, UNDO_MS);
  emit();
}

/** Hides the toast (after Undo, or when its time is up). */
export function dismissUndo(): void {
  clearTimeout(timer);
  current = null;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The offer on screen, or null. */
export function useUndoOffer(): UndoOffer | null {
  return useSyncExternalStore(subscribe, () => current);
}
