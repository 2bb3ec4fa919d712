import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/index';

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: '.ci/eslint.config.js' });

/** The i18n rule's findings for `code` as if it were a renderer file. */
async function literalFindings(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/renderer/pages/LintProbe.tsx` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'microblog/no-literal-jsx-text')
    .map((m) => m.message);
}

describe('lint: user-visible text in the renderer comes from the catalogs', () => {
  it('fails on words in JSX text, in a string child and in a visible prop, and says what to do', async () => {
    const findings = await literalFindings(
      [
        'export function Probe({ n }: { n: number }) {',
        '  return (',
        '    <section aria-label="Profiles">',
        '      <h1>Welcome</h1>',
        "      <p>{'No posts yet.'}</p>",
        '      <input placeholder={`e.g. ${n}`} />',
        '    </section>',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
    expect(findings).toHaveLength(4);
    expect(findings[0]).toContain('renderer/i18n/en.json');
    expect(findings[0]).toContain('renderer/i18n/es.json');
    expect(findings[0]).toContain('{t("area.key")}');
  });

  it('passes text from t(), symbols without words, and props no one reads', async () => {
    const findings = await literalFindings(
      [
        "import { useTranslation } from '../i18n/index';",
        'export function Probe() {',
        '  const { t } = useTranslation();',
        '  return (',
        '    <section className="page" aria-labelledby="probe-title" aria-label={t(\'users.profiles\')}>',
        '      <h1 id="probe-title">{t(\'users.title\')}</h1>',
        '      <span aria-hidden="true">✦ · →</span>',
        '      <input type="search" name="prefix" />',
        '    </section>',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
  });
});
