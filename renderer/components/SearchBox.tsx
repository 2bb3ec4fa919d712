import { useState } from 'react';
import { navigate, useRoute } from '../app/router';
import { useTranslation } from '../i18n/index';

/** The search box's element id: a keyboard shortcut layer can focus it by this id. */
export const SEARCH_INPUT_ID = 'search-input';

/** Focuses the search box and selects its text (the `/` shortcut, in app/shortcuts.ts). */
export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** The top bar's search box: Enter opens the results. */
export function SearchBox() {
  const { t } = useTranslation();
  const route = useRoute();
  const current = route.name === 'search' ? route.query : '';
  const [text, setText] = useState(current);
  // A new search from elsewhere (Back, a link) shows in the box: adjusted while rendering.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(current);
  }
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
        {t('search.label')}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/"
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
