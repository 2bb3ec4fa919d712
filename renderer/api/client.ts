import {
  sentenceOf,
  type IpcError,
  type IpcErrorCode,
  type MicroblogApi,
  type Result,
} from '../../electron/ipc/contract';
import { i18n } from '../i18n/index';

/** An IPC error result turned into a thrown value, so TanStack Query sees a failed query. */
export class ApiError extends Error {
  readonly code: IpcErrorCode;
  readonly field: string | undefined;
  /** The catalog key and values of main's sentence, when main gave them. */
  readonly sentence: IpcError['sentence'];

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
    this.sentence = error.sentence;
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

/**
 * A readable sentence for any error, in the app's language: main's own sentence from the
 * catalog when it named it, else the catalog's sentence for the error's code. English keeps
 * main's exact words, which are the catalog's English anyway.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.sentence && i18n.exists(error.sentence.key)) {
      return i18n.t(error.sentence.key, error.sentence.params ?? {});
    }
    if (i18n.language === 'en' || !i18n.exists(`errors.codes.${error.code}`)) return error.message;
    return i18n.t(`errors.codes.${error.code}`);
  }
  if (error instanceof Error && error.message) return localize(error.message);
  return i18n.t('states.somethingWrong');
}

/**
 * A sentence of the shared rules (made in English by the data layer's `say`), in the app's
 * language; any other text as it is.
 */
export function localize(text: string): string {
  const ref = sentenceOf(text);
  return ref && i18n.exists(ref.key) ? i18n.t(ref.key, ref.params ?? {}) : text;
}

/** True when the error is this IPC error code. */
export function hasCode(error: unknown, code: IpcErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
