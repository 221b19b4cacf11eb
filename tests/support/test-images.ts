// Document photos and bad files for the upload tests, generated (nothing binary is committed): specimen documents
// like phone photos, one stored sideways with an EXIF orientation and GPS position, and every kind of bad input.
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import { specimenJpeg, type SpecimenKind } from '../../lib/documents/specimen';

export const specimenName = { given: 'Erika', family: 'Mustermann' };

export function documentPhoto(kind: SpecimenKind = 'passport_photo', width = 1800): Promise<Buffer> {
  return specimenJpeg(kind, specimenName, width);
}

/**
 * A phone photo held sideways: the pixels are stored rotated 90° anticlockwise with EXIF Orientation 6 ("turn
 * clockwise to view"), plus camera make/model and a GPS position, as an un-edited phone photo carries them.
 */
export async function rotatedPhotoWithGps(kind: SpecimenKind = 'passport_photo'): Promise<Buffer> {
  const sideways = await sharp(await documentPhoto(kind)).rotate(-90).toBuffer();
  return sharp(sideways)
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 3012/100', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 1234/100' },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A 12-megapixel (4000 × 3000) photo with sensor-like noise, about the size a phone camera produces. */
export async function twelveMegapixelPhoto(): Promise<Buffer> {
  const base = await sharp(await documentPhoto('passport_photo', 4000)).resize(4000, 3000, { fit: 'fill' }).toBuffer();
  const noise = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
  return sharp(base).composite([{ input: noise, blend: 'overlay' }]).jpeg({ quality: 92 }).toBuffer();
}

export async function blurryPhoto(): Promise<Buffer> {
  return sharp(await documentPhoto('passport_photo', 3000)).blur(14).jpeg().toBuffer();
}

/** An AVIF image (AV1 in HEIF), as some Android cameras and browsers save. */
export async function avifPhoto(): Promise<Buffer> {
  return sharp(await documentPhoto('passport_photo', 1200)).avif({ quality: 60 }).toBuffer();
}

/** A specimen document out of focus: a Gaussian blur of `blurShare` of its width (0: in focus). */
export async function blurredDocument(width: number, blurShare: number): Promise<Buffer> {
  const doc = await documentPhoto('passport_photo', width);
  return blurShare > 0 ? sharp(doc).blur(Math.max(0.3, blurShare * width)).png({ compressionLevel: 1 }).toBuffer() : doc;
}

/** What the camera adds after the lens, blurred photo or not: sensor noise (σ on 0–255), then JPEG grain. */
export async function withSensorNoise(image: Buffer, sigma: number): Promise<Buffer> {
  if (!sigma) return sharp(image).jpeg({ quality: 88 }).toBuffer();
  // A tile of noise repeated over the photo: as good as fresh noise for a measure of edges, and fast to make.
  const tile = await sharp({ create: { width: 251, height: 251, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } }).png().toBuffer();
  return sharp(image).composite([{ input: tile, tile: true, blend: 'overlay' }]).jpeg({ quality: 88 }).toBuffer();
}

/** A phone photo of a document that is out of focus, with the sensor noise that hid the blur from a Laplacian measure. */
export async function smearedPhoto(width: number, blurShare: number, noise = 25): Promise<Buffer> {
  return withSensorNoise(await blurredDocument(width, blurShare), noise);
}

export async function darkPhoto(): Promise<Buffer> {
  return sharp(await documentPhoto('passport_photo', 1800)).linear(0.2, 0).jpeg().toBuffer();
}

export function smallPhoto(): Promise<Buffer> {
  return documentPhoto('passport_photo', 700);
}

export async function truncatedJpeg(): Promise<Buffer> {
  const full = await documentPhoto();
  return full.subarray(0, Math.floor(full.length * 0.6));
}

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny, valid PNG whose header declares 30000 × 30000 pixels (a decompression bomb if anyone decoded it). */
export function pngDeclaringHugeSize(side = 30000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The opening of an iPhone HEIC file: an ISO-BMFF `ftyp` box with brand heic, then a stub `meta` box. */
export function heicLikeFile(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'ascii'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic', 'ascii')]);
  const meta = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('meta', 'ascii'), Buffer.alloc(8)]);
  return Buffer.concat([ftyp, meta, Buffer.alloc(2048, 7)]);
}

/**
 * The start of an AVIF file (ftyp brands avif, mif1, miaf) with undecodable content: what a browser that cannot draw
 * AVIF sends on unchanged, so the server is the one to say what it is.
 */
export function avifLikeFile(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 28]), Buffer.from('ftypavif', 'ascii'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1miaf', 'ascii')]);
  const meta = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('meta', 'ascii'), Buffer.alloc(8)]);
  return Buffer.concat([ftyp, meta, Buffer.alloc(2048, 7)]);
}

export const svgImage = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1260"><rect width="100%" height="100%" fill="#eee"/><text x="90" y="180" font-size="72">PASSPORT</text></svg>');
export const pdfDocument = () => Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
export const textFile = () => Buffer.from('This is not a photo of a passport.\n');

/** 25 MB that starts like a JPEG: refused for its size before anyone looks further. */
export async function twentyFiveMegabytes(): Promise<Buffer> {
  return Buffer.concat([await documentPhoto(), Buffer.alloc(25 * 1024 * 1024)]);
}

/** Whether a JPEG's EXIF block has a GPS directory (tag 0x8825 in IFD0). */
export async function hasGps(image: Buffer): Promise<boolean> {
  const { exif } = await sharp(image).metadata();
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0);
  const little = tiff.toString('ascii', 0, 2) === 'II';
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** Mean grey level (0–255) of a region of an image, for checking which way up it is. */
export async function regionMean(image: Buffer, region: { left: number; top: number; width: number; height: number }): Promise<number> {
  const data = await sharp(image).extract(region).greyscale().raw().toBuffer();
  let sum = 0;
  for (const v of data) sum += v;
  return sum / data.length;
}
