import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcError } from '../../electron/ipc/contract';
import { ApiError } from '../../renderer/api/client';
import { ProfileForm } from '../../renderer/components/ProfileForm';
import { toFieldErrors } from '../../renderer/components/field-errors';
import { fail, installFakeApi, withQueryClient } from './fake-api';

afterEach(cleanup);

const FIELDS = ['username', 'email', 'password'] as const;
const mapped = (error: IpcError) => toFieldErrors(new ApiError(error), FIELDS);

describe('mapping typed IPC errors to form fields', () => {
  it('puts taken usernames, emails and wrong passwords on the field main names', () => {
    expect(mapped({ code: 'USERNAME_TAKEN', message: 'That username is taken.', field: 'username' })).toEqual(
      {
        username: 'That username is taken.',
      },
    );
    expect(mapped({ code: 'EMAIL_TAKEN', message: 'Used.', field: 'email' })).toEqual({ email: 'Used.' });
    expect(mapped({ code: 'WRONG_PASSWORD', message: 'No.', field: 'password' })).toEqual({
      password: 'No.',
    });
  });

  it('uses the field of an INVALID_INPUT error', () => {
    expect(mapped({ code: 'INVALID_INPUT', message: 'Too long.', field: 'email' })).toEqual({
      email: 'Too long.',
    });
  });

  it('puts errors without a known field at the top of the form', () => {
    expect(mapped({ code: 'INTERNAL', message: 'Something went wrong.' })).toEqual({
      form: 'Something went wrong.',
    });
    expect(mapped({ code: 'INVALID_INPUT', message: 'Bad.', field: 'limit' })).toEqual({ form: 'Bad.' });
    expect(toFieldErrors(new Error('boom'), FIELDS)).toEqual({ form: 'boom' });
  });
});

describe('the profile form', () => {
  async function submitWith(error: IpcError) {
    installFakeApi({ users: { create: () => fail(error) } });
    render(withQueryClient(<ProfileForm submitLabel="Create profile" />));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('Email (optional)'), { target: { value: 'ann@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    return screen.findByRole('alert');
  }

  it('shows a taken username on the username field, tied to it for screen readers', async () => {
    const alert = await submitWith({
      code: 'USERNAME_TAKEN',
      message: 'That username is taken.',
      field: 'username',
    });
    const input = screen.getByLabelText('Username');
    expect(alert.textContent).toBe('That username is taken.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByLabelText('Email (optional)').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows an invalid email on the email field', async () => {
    const alert = await submitWith({
      code: 'INVALID_INPUT',
      message: 'That is not an email address.',
      field: 'email',
    });
    expect(screen.getByLabelText('Email (optional)').getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBeNull();
  });

  it('clears a field’s error once the user edits it', async () => {
    await submitWith({ code: 'USERNAME_TAKEN', message: 'That username is taken.' });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ann2' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
