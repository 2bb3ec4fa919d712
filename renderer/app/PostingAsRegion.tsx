import { usePostingAs } from './posting-as';

/** The polite live region that says who is posting after a switch; always mounted, so it is heard. */
export function PostingAsRegion() {
  const text = usePostingAs();
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
