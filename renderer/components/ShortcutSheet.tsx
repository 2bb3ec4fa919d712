import { useTranslation } from '../i18n/index';
import { Dialog } from './Dialog';

/** Each shortcut: its keys (alternatives, or a sequence for `g`), and what it does. */
const SHORTCUTS: { keys: string[]; sequence?: boolean; what: string }[] = [
  { keys: ['n', 'c'], what: 'shortcuts.compose' },
  { keys: ['/'], what: 'shortcuts.search' },
  { keys: ['j'], what: 'shortcuts.next' },
  { keys: ['k'], what: 'shortcuts.previous' },
  { keys: ['Enter'], what: 'shortcuts.openAuthor' },
  { keys: ['g', 't'], sequence: true, what: 'shortcuts.goTimeline' },
  { keys: ['g', 'u'], sequence: true, what: 'shortcuts.goUsers' },
  { keys: ['g', 'p'], sequence: true, what: 'shortcuts.goProfile' },
  { keys: ['?'], what: 'shortcuts.help' },
];

/** The list of keyboard shortcuts, opened with `?`. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(({ keys, sequence, what }) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ` ${t(sequence ? 'shortcuts.then' : 'shortcuts.or')} `}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
