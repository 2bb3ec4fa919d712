/** A job's closing sentence carries its catalog key, so the Data screen says it in Spanish too. */
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../electron/ipc/events';
import es from '../../renderer/i18n/es.json';
import { tempDir } from '../fixtures/index';
import type { JobStart } from '../../electron/ipc/channels/data-screen';
import { dataApp } from './data-app';

const spanish = i18next.createInstance();
void spanish.init({
  lng: 'es',
  resources: { es: { translation: es } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The sentence as the renderer shows it in Spanish. */
function inSpanish(end: EventPayload<'data:finished'>): string {
  if (!end.sentence) throw new Error(`no catalog key for "${end.message}"`);
  return spanish.t(end.sentence.key, end.sentence.params ?? {});
}

describe('the sentences a job ends with', () => {
  it('an export made in main, and a broken archive found in the worker, read in Spanish', async () => {
    const out = path.join(tempDir(), 'todo.jsonl');
    const app = await dataApp({ chooseExportPath: async () => out });
    const jobId = await app.startExport();
    const exported = await app.finished(jobId);
    expect(exported.message).toBe('Exported 3,000 posts to todo.jsonl.');
    expect(inSpanish(exported)).toBe('Se exportaron 3000 publicaciones a todo.jsonl.');

    // The header, then a post whose body is far too long: the worker names line 3 and why.
    const [header = '', profile = ''] = fs.readFileSync(out, 'utf8').split('\n');
    const post = JSON.stringify({
      type: 'post',
      author: 'susan',
      body: 'x'.repeat(141),
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    const broken = path.join(tempDir(), 'broken.jsonl');
    fs.writeFileSync(broken, `${header}\n${profile}\n${post}\n`);
    const other = await dataApp({ chooseImportPath: async () => broken });
    const importing = await other.ok<JobStart>('data:import', {});
    if (!importing.started) throw new Error('the import did not start');
    const failed = await other.finished(importing.jobId);
    expect(failed.outcome).toBe('failed');
    expect(failed.message).toMatch(/^Line 3 \(a post\): /);
    expect(inSpanish(failed)).toMatch(/^Línea 3 \(una publicación\): \S/);
    expect(inSpanish(failed)).not.toContain('post');
  });
});
