import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../electron/db/index';
import { appsPerTest, freshDbPath, visible } from './steps';

const open = appsPerTest();

describe('two languages', () => {
  it('follows a Spanish OS: text, plurals, numbers and times in Spanish, <html lang> too', async () => {
    const app = await open({ locale: 'es-ES' });
    const { page } = app;
    await visible(page.getByRole('heading', { name: 'Te damos la bienvenida a Microblog' }));
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('es');
    await page.getByLabel('Nombre de usuario').fill('ana');
    await page.getByLabel('Correo electrónico').fill('ana@example.com');
    await page.getByRole('button', { name: 'Crear perfil' }).click();
    await visible(page.getByRole('heading', { name: 'Cronología' }));

    // Written by another connection, as the shell or an import would: the window hears of it.
    const other = openDatabase(app.db.name);
    const repos = createRepositories(other);
    const ana = repos.users.getByUsername('ana');
    if (!ana) throw new Error('The welcome form did not create ana.');
    const old = new Date(Date.now() - 3 * 3600_000).toISOString();
    repos.posts.create({ userId: ana.id, body: 'hace un rato', timestamp: old });
    other.close();
    await page.getByPlaceholder('¿Qué estás pensando, ana?').fill('¡Hola!');
    await page.getByRole('button', { name: 'Publicar' }).click();
    await visible(page.getByText('ahora mismo'));
    await visible(page.getByText('hace 3 horas'));

    await page.getByRole('link', { name: 'Mi perfil' }).click();
    await visible(page.getByText('2 publicaciones', { exact: true }));
    await page.getByRole('button', { name: 'Eliminar perfil…' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Eliminar el perfil ana?' });
    await visible(dialog.getByRole('button', { name: 'Eliminar el perfil y 2 publicaciones' }));
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
  });

  it('says main’s refusals in Spanish too', async () => {
    const { page } = await open({ locale: 'es-ES' });
    await page.getByLabel('Nombre de usuario').fill('ana');
    await page.getByLabel('Correo electrónico').fill('ana@example.com');
    await page.getByRole('button', { name: 'Crear perfil' }).click();
    await page.getByRole('button', { name: /Cambiar de perfil/ }).click();
    await page.getByRole('menuitem', { name: 'Añadir otro perfil…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Añadir un perfil' });
    await dialog.getByLabel('Nombre de usuario').fill('ana');
    await dialog.getByLabel('Correo electrónico').fill('otra@example.com');
    await dialog.getByRole('button', { name: 'Crear perfil' }).click();
    await visible(dialog.getByText('Ese nombre de usuario ya existe.'));
    await dialog.getByLabel('Nombre de usuario').fill('ana!');
    await dialog.getByRole('button', { name: 'Crear perfil' }).click();
    await visible(dialog.getByText('Un nombre de usuario puede usar letras, dígitos, «_», «.» y «-».'));
    await dialog.getByLabel('Nombre de usuario').fill('b'.repeat(65));
    await dialog.getByRole('button', { name: 'Crear perfil' }).click();
    await visible(dialog.getByText('Un nombre de usuario tiene como máximo 64 caracteres.'));
  });

  it('keeps a chosen language over the OS, across a restart, until set back to the system', async () => {
    const dbPath = freshDbPath();
    const first = await open({ dbPath, locale: 'es-ES' });
    await visible(first.page.getByRole('heading', { name: 'Te damos la bienvenida a Microblog' }));
    await first.page.getByLabel('Nombre de usuario').fill('ana');
    await first.page.getByLabel('Correo electrónico').fill('ana@example.com');
    await first.page.getByRole('button', { name: 'Crear perfil' }).click();
    await first.page.getByRole('link', { name: 'Ajustes' }).click();
    await first.page.getByLabel('Idioma').selectOption('en');
    await visible(first.page.getByRole('heading', { name: 'Settings' }));
    await expect
      .poll(() => first.db.prepare(`SELECT value FROM settings WHERE key = 'language'`).pluck().get())
      .toBe('en');
    await first.close();

    const again = await open({ dbPath, locale: 'es-ES' });
    await visible(again.page.getByRole('heading', { name: 'Timeline' }));
    await again.page.getByRole('link', { name: 'Settings' }).click();
    await again.page.getByLabel('Language').selectOption({ label: 'Same as the system (Español)' });
    await visible(again.page.getByRole('heading', { name: 'Ajustes' }));
  });
});
