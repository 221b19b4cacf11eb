import { describe, expect, it } from 'vitest';
import { BLUR_THRESHOLD, measureQuality, processImage } from '@/lib/documents/pipeline';
import { blurredDocument, darkPhoto, smearedPhoto, withSensorNoise } from '../support/test-images';

// Phone photos of a specimen document at the sizes phones and browsers send (the form shrinks to 2400 px; a file may
// be a full 4000 px camera image), each with the sensor noise a camera adds after the lens has blurred the picture.
const widths = [1200, 2400, 4000];
const noises = [0, 25, 40];

describe('the blur measure of document photos', () => {
  it.each(widths)('calls a sharp %i px photo sharp, with or without sensor noise', { timeout: 60_000 }, async (width) => {
    const doc = await blurredDocument(width, 0);
    for (const noise of noises) {
      const { sharpness } = await measureQuality(await withSensorNoise(doc, noise));
      expect(sharpness, `noise ${noise}`).toBeGreaterThan(BLUR_THRESHOLD * 1.6);
    }
  });

  it.each(widths)('calls a smeared %i px photo blurry, however much noise the camera added', { timeout: 60_000 }, async (width) => {
    for (const share of [0.003, 0.008]) {
      const doc = await blurredDocument(width, share);
      for (const noise of noises) {
        const { sharpness } = await measureQuality(await withSensorNoise(doc, noise));
        expect(sharpness, `blur ${share * 100} % of the width, noise ${noise}`).toBeLessThan(BLUR_THRESHOLD);
      }
    }
  });

  it('gives the "blurry" hint for a smeared, noisy photo and none for the sharp one', { timeout: 60_000 }, async () => {
    expect((await processImage(await smearedPhoto(2400, 0.004, 30))).qualityHints).toEqual(['blurry']);
    expect((await processImage(await smearedPhoto(2400, 0, 30))).qualityHints).toEqual([]);
  });

  it('calls a dark but sharp photo dark, not blurry', { timeout: 60_000 }, async () => {
    expect((await processImage(await darkPhoto())).qualityHints).toEqual(['too_dark']);
  });
});
