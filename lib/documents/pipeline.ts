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
/**
 * Edge steepness below this means the text is smeared: the steepest edges (99.5th percentile of the gradient, on a
 * 1000 px greyscale copy) rise by less than half the photo's contrast range across two pixels. A sharp document
 * measures about 1.1, one blurred by 0.3 % of its width about 0.4, at any resolution and with or without sensor noise.
 */
export const BLUR_THRESHOLD = 0.5;
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
  if (type === 'avif') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.avif');
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
 * Sharpness as edge steepness, and brightness as mean luminance, on a 1000 px greyscale copy (the same scale for every
 * photo, so one threshold fits phones of any resolution). A 5 px median first removes sensor noise and JPEG grain,
 * which keep the variance of a Laplacian high on a smeared photo, while it leaves the edges of letters where they are.
 * The steepness is divided by the photo's own contrast range, so a dark or pale but sharp photo is not called blurry.
 */
export async function measureQuality(image: Buffer): Promise<{ sharpness: number; brightness: number }> {
  const small = sharp(image).resize({ width: 1000, height: 1000, fit: 'inside', withoutEnlargement: true }).greyscale();
  const [plain, denoised] = await Promise.all([
    small.clone().raw().toBuffer({ resolveWithObject: true }),
    small.clone().median(5).raw().toBuffer({ resolveWithObject: true }),
  ]);
  let sum = 0;
  for (let i = 0; i < plain.data.length; i++) sum += plain.data[i]!;
  return { sharpness: edgeSteepness(denoised.data, denoised.info.width, denoised.info.height), brightness: plain.data.length ? sum / plain.data.length : 0 };
}

const STEEPEST_SHARE = 0.005;

function edgeSteepness(data: Buffer, w: number, h: number): number {
  const histogram = new Array<number>(256).fill(0);
  for (let i = 0; i < data.length; i++) histogram[data[i]!]!++;
  // 1st and 99th percentiles: the contrast range without a few stray pixels.
  const percentile = (p: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= data.length * p) return v;
    return 255;
  };
  const range = Math.max(16, percentile(0.99) - percentile(0.01));
  // Central-difference gradient magnitudes in half steps (0..361 → 0..722), counted, then the top share read off.
  const counts = new Uint32Array(724);
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx = data[i + 1]! - data[i - 1]!;
      const gy = data[i + w]! - data[i - w]!;
      counts[Math.round(Math.sqrt(gx * gx + gy * gy) * 2)]!++;
      n++;
    }
  }
  if (n === 0) return 0;
  let seen = 0;
  for (let v = counts.length - 1; v >= 0; v--) {
    if ((seen += counts[v]!) >= n * STEEPEST_SHARE) return v / 2 / range;
  }
  return 0;
}
