import { useEffect, useState } from 'react';
import { navigate, useRoute } from '../app/router';

/** The search box's element id: a keyboard shortcut layer can focus it by this id. */
export const SEARCH_INPUT_ID = 'search-input';

/** Focuses the search box and selects its text. */
export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The top bar's search box: Enter opens the results; `/` anywhere (outside a text field) focuses it. */
export function SearchBox() {
  const route = useRoute();
  const current = route.name === 'search' ? route.query : '';
  const [text, setText] = useState(current);
  // A new search from elsewhere (Back, a link) shows in the box: adjusted while rendering.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(current);
  }
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      focusSearch();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== '') navigate({ name: 'search', query: text.trim() });
      }}
    >
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Search posts
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        placeholder="Search ( / )"
        aria-keyshortcuts="/"
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
