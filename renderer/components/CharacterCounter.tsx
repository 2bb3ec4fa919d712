import { BODY_MAX, countCodePoints } from '../../electron/ipc/contract';
import { useTranslation } from '../i18n/index';

/** The live count in code points, exactly as the database counts a post's length. */
export function CharacterCounter({ text, id }: { text: string; id?: string }) {
  const { t } = useTranslation();
  const count = countCodePoints(text);
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
