// A small ESLint rule: words a user reads must come from the message catalogs, never from JSX
// literals, so that every screen exists in every language of renderer/i18n.

/** Props whose string value is shown or read aloud to the user. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
  'submitLabel',
  'confirmLabel',
  'pendingLabel',
  'message',
  'hint',
]);

const MESSAGE =
  'Text the user sees must come from the catalogs: add a key with this text to renderer/i18n/en.json ' +
  'and its Spanish to renderer/i18n/es.json, then write {t("area.key")} here ' +
  '(const { t } = useTranslation() from renderer/i18n; plurals as key_one/key_other with { count }).';

const hasWords = (text) => /\p{L}/u.test(text);

/** True for a string literal or template literal that holds words. */
function isWordyLiteral(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string' && hasWords(node.value);
  if (node.type === 'TemplateLiteral') return node.quasis.some((quasi) => hasWords(quasi.value.cooked ?? ''));
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in JSX comes from the i18n catalogs.' },
    messages: { literal: MESSAGE },
    schema: [],
  },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'literal' });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node);
      },
      JSXExpressionContainer(node) {
        const inChildren = node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment';
        if (inChildren && isWordyLiteral(node.expression)) report(node);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (!VISIBLE_PROPS.has(name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (isWordyLiteral(value)) report(node);
      },
    };
  },
};
