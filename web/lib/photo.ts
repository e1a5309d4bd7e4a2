/**
 * Photos taken in the field are made small enough for the link before they are kept: at most 1,280 px on the
 * longer side, JPEG, at most ~200 KB — a 4 MB phone photo would take minutes at 400 kbit/s, this one about
 * four seconds. Done on the device, in the browser (canvas), before the photo goes into the outbox.
 */

export const photoMaxSide = 1280;
export const photoMaxBytes = 200 * 1024;

/** The size to draw an image of `width` × `height` at, its longer side at most `maxSide`. */
export function fitWithin(
  width: number,
  height: number,
  maxSide = photoMaxSide,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The photo resized and re-encoded as JPEG, lowering the quality (then the size) until it fits. */
export async function resizePhoto(file: Blob): Promise<{ bytes: ArrayBuffer; type: string }> {
  const bitmap = await createImageBitmap(file);
  let { width, height } = fitWithin(bitmap.width, bitmap.height);
  let blob: Blob | null = null;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    for (const quality of [0.82, 0.7, 0.55]) {
      blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= photoMaxBytes) break;
    }
    if (blob && blob.size <= photoMaxBytes) break;
    ({ width, height } = fitWithin(width, height, Math.round(Math.max(width, height) * 0.8)));
  }
  bitmap.close();
  if (!blob) throw new Error('the photo could not be read');
  return { bytes: await blob.arrayBuffer(), type: 'image/jpeg' };
}
