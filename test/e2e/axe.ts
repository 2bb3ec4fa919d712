/** axe-core in the page: injected through the DevTools protocol (the app's CSP forbids inline scripts). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken, with where (CSS selectors) and how badly. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs every axe rule (WCAG A/AA and best practices, experimental ones too, so the label-in-name
 * check runs) on the page as it is now; returns what it found, any impact.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate<boolean>(`typeof window.axe === 'object'`);
  if (!loaded) await page.evaluate(axeSource);
  // Colours mid-transition (a button that just changed state) are neither the old nor the new ones.
  await page.evaluate(`Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))`);
  return page.evaluate<Violation[]>(`(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  })()`);
}
