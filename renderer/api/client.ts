import type { IpcError, IpcErrorCode, MicroblogApi, Result } from '../../electron/ipc/contract';

/** An IPC error result turned into a thrown value, so TanStack Query sees a failed query. */
export class ApiError extends Error {
  readonly code: IpcErrorCode;
  readonly field: string | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** The preload's bridge. Read lazily so a test can install its fake before the first call. */
export function microblog(): MicroblogApi {
  return window.microblog;
}

/** Awaits an IPC call and returns its value, or throws the typed error it carried. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** A readable sentence for any error, for error states and toasts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

/** True when the error is this IPC error code. */
export function hasCode(error: unknown, code: IpcErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
