// The sizes a photo is kept at: a phone's 12-megapixel shot is far more than
// evidence needs and costs minutes on a weak signal.

/** The long side of the stored photo. */
export const ORIGINAL_MAX_PX = 1600;
/** The long side of the thumbnail shown in lists and pages. */
export const THUMB_MAX_PX = 320;
export const ORIGINAL_QUALITY = 0.8;
export const THUMB_QUALITY = 0.7;

export interface Size {
  width: number;
  height: number;
}

/** `size` scaled down (never up) so that its long side is at most `maxPx`, keeping its proportions; at least 1 px a side. */
export function fitWithin(size: Size, maxPx: number): Size {
  const long = Math.max(size.width, size.height);
  if (long <= maxPx) return { width: size.width, height: size.height };
  const scale = maxPx / long;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** The watermark band's height and font size for an image: readable on a phone, about a sixth of the image's height at most. */
export function watermarkBand(size: Size, lines: number): { height: number; fontPx: number; padding: number } {
  const fontPx = Math.max(10, Math.round(Math.min(size.width, size.height) / 28));
  const padding = Math.round(fontPx * 0.6);
  return { fontPx, padding, height: Math.min(size.height, lines * Math.round(fontPx * 1.35) + padding * 2) };
}
