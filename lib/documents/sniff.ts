// Recognises an upload's type from its first bytes, never from its name or declared type.
// Only what phone cameras and browsers produce is accepted; HEIC/HEIF and AVIF are named so the applicant can be told what to do.

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heif' | 'avif' | 'unknown';

// ISO base media brands of still images in the HEIF family: HEVC-coded (iPhone HEIC, which sharp cannot read), AV1-coded
// (AVIF, not among the formats we accept), and the generic HEIF brands both carry.
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

export function sniffImageType(bytes: Uint8Array): SniffedType {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    // The major brand, then the compatible brands listed in the rest of the ftyp box.
    const boxSize = Math.min(bytes.length, ((at(0) << 24) | (at(1) << 16) | (at(2) << 8) | at(3)) >>> 0 || 12, 64);
    const brands = [ascii(8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(i, i + 4));
    if (brands.some((b) => HEVC_BRANDS.has(b))) return 'heif';
    if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heif';
  }
  return 'unknown';
}

export const contentTypes = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
