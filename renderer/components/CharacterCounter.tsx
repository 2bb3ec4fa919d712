import { BODY_MAX, countGraphemes, splitGraphemes } from '../../electron/ipc/contract';
import { useTranslation } from '../i18n/index';

/** The live count of visible characters (grapheme clusters), exactly as main counts a post. */
export function CharacterCounter({ text, id }: { text: string; id?: string }) {
  const { t } = useTranslation();
  const count = countGraphemes(text);
  const over = count > BODY_MAX;
  // The last ten characters get a stronger look before the limit turns it red.
  const near = !over && count > BODY_MAX - 10;
  const className = over ? 'counter over' : near ? 'counter near' : 'counter';
  return (
    <span id={id} className={className} data-over={over} aria-live="polite">
      {t('composer.counter', { count, max: BODY_MAX })}
      {over && <span className="counter-note">{t('composer.overLimit', { count: count - BODY_MAX })}</span>}
    </span>
  );
}

/** How much of the text that still fits is shown before the part that does not, for context. */
const CONTEXT = 12;

/**
 * Under the text box while it runs over: the last few characters that fit, then the part past
 * the limit, marked, so the user sees exactly which characters will not fit.
 */
export function OverLimitPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const { within, over } = splitGraphemes(text, BODY_MAX);
  if (over === '') return null;
  const context = splitGraphemes(within, BODY_MAX - CONTEXT).over;
  return (
    <p className="over-preview">
      <span className="over-label">{t('composer.doesNotFit')}</span>…{context}
      <mark>{over}</mark>
    </p>
  );
}
