// The canvas work of a photo: decode, shrink, burn the watermark in, encode
// the stored JPEG and its thumbnail. Everything it decides (sizes, the lines)
// comes from the pure modules beside it.
import { fitWithin, ORIGINAL_MAX_PX, ORIGINAL_QUALITY, THUMB_MAX_PX, THUMB_QUALITY, watermarkBand, type Size } from "./sizes.ts";

export interface ProcessedPhoto {
  original: Blob;
  /** Absent when the browser cannot draw (the photo is then kept as chosen). */
  thumb?: Blob;
  width?: number;
  height?: number;
}

/** Whether this browser can decode and re-encode photos (older WebViews and jsdom cannot). */
export function canProcessPhotos(): boolean {
  if (typeof createImageBitmap !== "function" || typeof document === "undefined") return false;
  try {
    return document.createElement("canvas").getContext("2d") !== null;
  } catch {
    return false;
  }
}

function canvasOf(size: Size): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2d unavailable");
  return [canvas, ctx];
}

function jpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("encode failed"))), "image/jpeg", quality));
}

/** A translucent band along the bottom with the lines in white, 水印相机 style. */
function drawWatermark(ctx: CanvasRenderingContext2D, size: Size, lines: readonly string[]): void {
  if (!lines.length) return;
  const band = watermarkBand(size, lines.length);
  ctx.fillStyle = "rgba(0, 0, 0, 0.45)";
  ctx.fillRect(0, size.height - band.height, size.width, band.height);
  ctx.fillStyle = "#fff";
  ctx.textBaseline = "top";
  ctx.font = `${band.fontPx}px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;
  const lineHeight = Math.round(band.fontPx * 1.35);
  lines.forEach((line, i) => ctx.fillText(line, band.padding, size.height - band.height + band.padding + i * lineHeight, size.width - band.padding * 2));
}

/** The photo at ≤ 1600 px with its watermark, as a JPEG, and a ≤ 320 px thumbnail of it. */
export async function processPhoto(file: Blob, lines: readonly string[]): Promise<ProcessedPhoto> {
  // from-image: a phone's portrait shot is stored sideways with an EXIF turn.
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    const size = fitWithin({ width: bitmap.width, height: bitmap.height }, ORIGINAL_MAX_PX);
    const [canvas, ctx] = canvasOf(size);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    drawWatermark(ctx, size, lines);
    const thumbSize = fitWithin(size, THUMB_MAX_PX);
    const [thumbCanvas, thumbCtx] = canvasOf(thumbSize);
    thumbCtx.drawImage(canvas, 0, 0, thumbSize.width, thumbSize.height);
    const [original, thumb] = await Promise.all([jpeg(canvas, ORIGINAL_QUALITY), jpeg(thumbCanvas, THUMB_QUALITY)]);
    return { original, thumb, ...size };
  } finally {
    bitmap.close();
  }
}
