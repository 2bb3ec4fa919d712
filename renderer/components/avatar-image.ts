import { AVATAR_BYTES_MAX, AVATAR_SIDE_MAX } from '../../electron/ipc/contract';
import { i18n } from '../i18n/index';

/** A picked file larger than this is refused before it is decoded: no photo needs more. */
export const AVATAR_FILE_MAX = 10 * 1024 * 1024;

/** Why a picked file cannot become a profile picture, as a sentence; thrown by `avatarFromFile`. */
export class AvatarFileError extends Error {}

/**
 * Encodes the canvas as PNG, or as JPEG of falling quality when the PNG is over the stored limit:
 * the two types an AT Protocol profile picture may have, so a linked profile can publish it.
 */
async function encode(canvas: HTMLCanvasElement): Promise<Blob> {
  for (const [type, quality] of [
    ['image/png', undefined],
    ['image/jpeg', 0.9],
    ['image/jpeg', 0.75],
    ['image/jpeg', 0.5],
  ] as const) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
    if (blob && blob.size <= AVATAR_BYTES_MAX) return blob;
  }
  throw new AvatarFileError(i18n.t('avatar.tooLargeResized'));
}

/**
 * Reads, decodes and resizes a picked image in the renderer: the middle square, at most
 * 256×256, as PNG (or JPEG). What main receives is only ever a small, freshly encoded image.
 */
export async function avatarFromFile(file: File): Promise<Uint8Array<ArrayBuffer>> {
  if (file.size > AVATAR_FILE_MAX) {
    throw new AvatarFileError(
      i18n.t('avatar.fileTooLarge', {
        size: Math.round(file.size / 1024 / 1024),
        max: AVATAR_FILE_MAX / 1024 / 1024,
      }),
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new AvatarFileError(i18n.t('avatar.notImage'));
  }
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const out = Math.min(side, AVATAR_SIDE_MAX);
    const canvas = document.createElement('canvas');
    canvas.width = out;
    canvas.height = out;
    const context = canvas.getContext('2d');
    if (!context) throw new AvatarFileError(i18n.t('avatar.cannotDraw'));
    const x = (bitmap.width - side) / 2;
    const y = (bitmap.height - side) / 2;
    context.drawImage(bitmap, x, y, side, side, 0, 0, out, out);
    return new Uint8Array(await (await encode(canvas)).arrayBuffer());
  } finally {
    bitmap.close();
  }
}
