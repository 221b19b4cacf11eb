// The image pipeline for document photos: checks (type by content, size, pixels), then one sharp pass per output:
// an auto-oriented review JPEG without any metadata (GPS!), a small WebP thumbnail, the original's sha256, quality hints.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '@/lib/errors';
import { sniffImageType } from './sniff';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;
export const REVIEW_MAX_SIDE = 3000;
export const THUMB_MAX_SIDE = 400;
/** A document photo whose shorter side is below this is usually too small to read. */
export const MIN_SHORT_SIDE = 1000;
/** Laplacian variance below this (measured on a 1000 px greyscale copy) means the text is smeared. */
export const BLUR_THRESHOLD = 100;
/** Mean luminance (0–255) below this means the photo is too dark to read. */
export const DARK_THRESHOLD = 60;

export const qualityHints = ['too_small', 'blurry', 'too_dark'] as const;
export type QualityHint = (typeof qualityHints)[number];

export type ProcessedImage = {
  review: Buffer;
  thumb: Buffer;
  sha256: string;
  width: number;
  height: number;
  qualityHints: QualityHint[];
};

// No pixel cache between requests: memory must stay flat under parallel uploads; one libvips thread per image,
// parallelism comes from the bounded number of images processed at once (lib/documents/limiter.ts).
sharp.cache(false);
sharp.concurrency(1);

// Sequential read lets libvips stream the decode through resize and encode instead of holding the whole image.
const inputOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', sequentialRead: true } as const;

/** Refuses anything that is not a readable JPEG, PNG or WebP within the limits, with the reason the applicant sees. */
export async function checkImage(input: Buffer): Promise<{ width: number; height: number }> {
  if (input.length === 0) throw new AppError('INVALID_INPUT', 'upload.empty');
  if (input.length > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'upload.tooLarge');
  const type = sniffImageType(input);
  if (type === 'heif') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.heic');
  if (type === 'unknown') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.notImage');
  let meta: Metadata;
  try {
    // Only the header is read here; the pixel limit is checked below so that the refusal can say why.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'upload.unreadable', {}, { cause });
  }
  if (meta.format !== type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.notImage');
  if (!meta.width || !meta.height) throw new AppError('INVALID_INPUT', 'upload.unreadable');
  // The header is read before any pixel: a small file declaring a huge image is refused here, never decoded.
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new AppError('PAYLOAD_TOO_LARGE', 'upload.tooManyPixels');
  const rotated = (meta.orientation ?? 1) >= 5;
  return { width: rotated ? meta.height : meta.width, height: rotated ? meta.width : meta.height };
}

/** Runs the checks and the pipeline. Throws AppError (4xx) for every input it refuses. */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const dims = await checkImage(input);
  let review: { data: Buffer; info: OutputInfo };
  try {
    // sharp writes no metadata unless asked to (no withMetadata/keepExif here): EXIF, GPS, XMP and ICC are gone.
    review = await sharp(input, inputOptions)
      .autoOrient()
      .resize({ width: REVIEW_MAX_SIDE, height: REVIEW_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'upload.unreadable', {}, { cause });
  }
  const [thumb, hints] = await Promise.all([
    sharp(review.data).resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside' }).webp({ quality: 75 }).toBuffer(),
    measureQuality(review.data),
  ]);
  const qualityHintsFound: QualityHint[] = [];
  if (Math.min(dims.width, dims.height) < MIN_SHORT_SIDE) qualityHintsFound.push('too_small');
  if (hints.sharpness < BLUR_THRESHOLD) qualityHintsFound.push('blurry');
  if (hints.brightness < DARK_THRESHOLD) qualityHintsFound.push('too_dark');
  return {
    review: review.data,
    thumb,
    sha256: createHash('sha256').update(input).digest('hex'),
    width: review.info.width,
    height: review.info.height,
    qualityHints: qualityHintsFound,
  };
}

/**
 * Sharpness as the variance of the Laplacian, and brightness as mean luminance, on a 1000 px greyscale copy
 * (the same scale for every photo, so one threshold fits phones of any resolution). The Laplacian is scaled to the
 * photo's own contrast range first, so a dark but sharp photo is called dark, not blurry.
 */
export async function measureQuality(image: Buffer): Promise<{ sharpness: number; brightness: number }> {
  const { data, info } = await sharp(image)
    .resize({ width: 1000, height: 1000, fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = info;
  const histogram = new Array<number>(256).fill(0);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += data[i]!;
    histogram[data[i]!]!++;
  }
  // 1st and 99th percentiles: the contrast range without a few stray pixels.
  const percentile = (p: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= data.length * p) return v;
    return 255;
  };
  const range = Math.max(16, percentile(0.99) - percentile(0.01));
  const scale = 255 / range;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = (data[i - w]! + data[i + w]! + data[i - 1]! + data[i + 1]! - 4 * data[i]!) * scale;
      n++;
      const d = lap - mean;
      mean += d / n;
      m2 += d * (lap - mean);
    }
  }
  return { sharpness: n > 1 ? m2 / (n - 1) : 0, brightness: data.length ? sum / data.length : 0 };
}
