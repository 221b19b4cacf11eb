import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType } from '@/lib/documents/sniff';
import { heicLikeFile, pdfDocument, pngDeclaringHugeSize, svgImage, textFile } from '../support/test-images';

const pixel = () => sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } });

describe('recognising an image by its content', () => {
  it('knows JPEG, PNG and WebP by their first bytes', async () => {
    expect(sniffImageType(await pixel().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageType(await pixel().png().toBuffer())).toBe('png');
    expect(sniffImageType(await pixel().webp().toBuffer())).toBe('webp');
    expect(sniffImageType(pngDeclaringHugeSize())).toBe('png');
  });

  it('names HEIC/HEIF and AVIF apart, so the applicant is told the right thing about each', async () => {
    expect(sniffImageType(heicLikeFile())).toBe('heif');
    expect(sniffImageType(await pixel().avif().toBuffer())).toBe('avif');
    const genericHeif = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmif1'), Buffer.alloc(4), Buffer.from('mif1miaf')]);
    expect(sniffImageType(genericHeif)).toBe('heif');
  });

  it('calls everything else unknown, whatever it is called', async () => {
    for (const bytes of [svgImage(), pdfDocument(), textFile(), Buffer.alloc(0), Buffer.from([0xff, 0xd8]), await pixel().gif().toBuffer()]) {
      expect(sniffImageType(bytes)).toBe('unknown');
    }
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypisom'), Buffer.alloc(8)]);
    expect(sniffImageType(mp4)).toBe('unknown');
  });
});
