import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/v1/uploads/route';
import { GET as thumbnail } from '@/app/api/v1/uploads/[id]/thumbnail/route';
import { documents } from '@/db/schema';
import { getDb } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import {
  avifPhoto,
  blurryPhoto,
  darkPhoto,
  documentPhoto,
  hasGps,
  heicLikeFile,
  pdfDocument,
  pngDeclaringHugeSize,
  regionMean,
  rotatedPhotoWithGps,
  smallPhoto,
  svgImage,
  textFile,
  truncatedJpeg,
  twentyFiveMegabytes,
} from '../support/test-images';
import { applicantJourney, BASE, getRequest, params, uploadRequest } from './support/applicant';
import { storedDocumentFiles } from './support/storage';

const ctx = undefined as never;

async function send(file: { bytes: Buffer; name?: string; type?: string } | null, cookie: string, kind?: string) {
  const res = await upload(uploadRequest('/api/v1/uploads', file, { cookie, kind }), ctx);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

describe('uploading a document photo', () => {
  it('stores an upright review image with no EXIF or GPS left, a WebP thumbnail and the hash of the original', async () => {
    const { cookie } = await applicantJourney();
    const original = await rotatedPhotoWithGps();
    expect(await hasGps(original)).toBe(true);
    expect((await sharp(original).metadata()).orientation).toBe(6);

    const { status, body } = await send({ bytes: original, name: 'IMG_0042.JPG' }, cookie);
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'passport_photo', width: 1800, height: 1260, qualityHints: [] });

    const [row] = await getDb().select().from(documents).where(eq(documents.id, body.id as string));
    expect(row!.storageKey).toMatch(/^documents\/[A-Za-z0-9_-]{32}\.jpg$/);
    expect(row!.storageKey).not.toContain('IMG_0042');
    expect(row!.sha256).toBe((await import('node:crypto')).createHash('sha256').update(original).digest('hex'));

    const stored = await getStorage().get(row!.storageKey);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1800, height: 1260 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(await hasGps(stored)).toBe(false);
    // Upright: the portrait (grey) sits on the left and the light text area on the right, as on the document.
    expect(await regionMean(stored, { left: 120, top: 320, width: 360, height: 480 })).toBeLessThan(200);
    expect(await regionMean(stored, { left: 1300, top: 320, width: 360, height: 480 })).toBeGreaterThan(230);

    const thumb = await sharp(await getStorage().get(row!.thumbKey)).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 400, height: 280 });
    expect(thumb.exif).toBeUndefined();
  });

  it('shrinks a large photo to at most 3000 px for review', async () => {
    const { cookie } = await applicantJourney();
    const { status, body } = await send({ bytes: await documentPhoto('id_front', 4000) }, cookie, 'id_front');
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'id_front', width: 3000, height: 2100 });
  });

  it('accepts PNG and WebP by their content whatever the name says', async () => {
    const { cookie } = await applicantJourney();
    const png = await sharp(await documentPhoto()).png().toBuffer();
    const webp = await sharp(await documentPhoto()).webp().toBuffer();
    expect((await send({ bytes: png, name: 'scan.jpg', type: 'image/jpeg' }, cookie)).status).toBe(201);
    expect((await send({ bytes: webp, name: 'photo', type: 'application/octet-stream' }, cookie)).status).toBe(201);
  });

  it.each([
    ['too small', smallPhoto, ['too_small']],
    ['blurry', blurryPhoto, ['blurry']],
    ['too dark', darkPhoto, ['too_dark']],
  ])('gives the quality hint for a %s photo at once', async (_name, make, hints) => {
    const { cookie } = await applicantJourney();
    const { status, body } = await send({ bytes: await make() }, cookie);
    expect(status).toBe(201);
    expect(body.qualityHints).toEqual(hints);
  });

  it('shows the thumbnail to the applicant who uploaded it, and to nobody else', async () => {
    const owner = await applicantJourney();
    const stranger = await applicantJourney();
    const { body } = await send({ bytes: await documentPhoto() }, owner.cookie);
    const mine = await thumbnail(getRequest(`/api/v1/uploads/${body.id}/thumbnail`, owner.cookie), params({ id: body.id as string }));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/webp');
    expect(mine.headers.get('cache-control')).toContain('no-store');
    const theirs = await thumbnail(getRequest(`/api/v1/uploads/${body.id}/thumbnail`, stranger.cookie), params({ id: body.id as string }));
    expect(theirs.status).toBe(404);
    const nobody = await thumbnail(getRequest(`/api/v1/uploads/${body.id}/thumbnail`), params({ id: body.id as string }));
    expect(nobody.status).toBe(401);
  });
});

describe('refusing bad uploads: a clear 4xx, nothing stored', () => {
  const cases: [string, () => Buffer | Promise<Buffer>, { name?: string; type?: string }, number, string][] = [
    ['a file that is not an image', textFile, { name: 'notes.jpg' }, 415, 'The file is not a photo. Choose a JPEG, PNG or WebP image.'],
    ['a truncated JPEG', truncatedJpeg, {}, 400, 'The image is damaged or incomplete. Take the photo again or choose another file.'],
    ['a PNG that declares 30000 × 30000 pixels', pngDeclaringHugeSize, { name: 'bomb.png', type: 'image/png' }, 413, 'The image is larger than 50 megapixels. Take the photo again or choose a smaller image.'],
    ['a zero-byte file', () => Buffer.alloc(0), {}, 400, 'The file is empty. Take the photo again or choose another file.'],
    ['an SVG', svgImage, { name: 'passport.svg', type: 'image/svg+xml' }, 415, 'The file is not a photo. Choose a JPEG, PNG or WebP image.'],
    ['a PDF renamed .jpg', pdfDocument, { name: 'passport.jpg', type: 'image/jpeg' }, 415, 'The file is not a photo. Choose a JPEG, PNG or WebP image.'],
    ['a 25 MB file', twentyFiveMegabytes, {}, 413, 'The file is larger than 20 MB. Take the photo again or choose a smaller file.'],
    ['an iPhone HEIC photo', heicLikeFile, { name: 'IMG_0001.HEIC', type: 'image/heic' }, 415, 'We cannot read HEIC photos. Take the photo again or choose a JPEG.'],
    ['an AVIF image, with its own message', avifPhoto, { name: 'PXL_0001.avif', type: 'image/avif' }, 415, 'We cannot read AVIF images. Choose a JPEG, PNG or WebP photo, or take the photo again with the camera.'],
  ];

  it.each(cases)('refuses %s', async (_name, make, file, status, message) => {
    const { cookie, journeyId } = await applicantJourney();
    const before = await storedDocumentFiles();
    const res = await send({ bytes: await make(), ...file }, cookie);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toBe(message);
    expect(await getDb().select().from(documents).where(eq(documents.journeyId, journeyId))).toEqual([]);
    expect(await storedDocumentFiles()).toEqual(before);
  });

  it('answers in Danish when the applicant uses Danish', async () => {
    const { cookie } = await applicantJourney();
    const res = await upload(uploadRequest('/api/v1/uploads', { bytes: heicLikeFile() }, { cookie: `${cookie}; locale=da` }), ctx);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Vi kan ikke læse HEIC-fotos. Tag fotoet igen, eller vælg en JPEG.');
  });

  it('refuses a malformed multipart body', async () => {
    const { cookie } = await applicantJourney();
    const before = await storedDocumentFiles();
    const req = new NextRequest(`${BASE}/api/v1/uploads`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=----abc' },
      body: '------xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8\xff garbage without an end',
    });
    const res = await upload(req, ctx);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('The upload could not be read. Please try again.');
    expect(await storedDocumentFiles()).toEqual(before);
  });

  it('refuses a body that is not multipart, a missing file and an unknown photo kind', async () => {
    const { cookie } = await applicantJourney();
    const json = new NextRequest(`${BASE}/api/v1/uploads`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect((await upload(json, ctx)).status).toBe(415);
    expect((await send(null, cookie)).status).toBe(400);
    const unknownKind = await send({ bytes: await documentPhoto() }, cookie, 'selfie');
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error?.message).toBe('Say which photo this is.');
  });

  it('refuses uploads without an eID login', async () => {
    const photo = { bytes: await documentPhoto() };
    const noCookie = await upload(uploadRequest('/api/v1/uploads', photo), ctx);
    expect(noCookie.status).toBe(401);
    const forged = await upload(uploadRequest('/api/v1/uploads', photo, { cookie: 'im_journey=00000000-0000-0000-0000-000000000000.forged' }), ctx);
    expect(forged.status).toBe(401);
    const { cookie } = await applicantJourney({ eid: false });
    const withoutEid = await send(photo, cookie);
    expect(withoutEid.status).toBe(403);
    expect(withoutEid.body.error?.message).toBe('Please log in with your eID before you apply.');
  });

  it('refuses an upload posted from another site', async () => {
    const { cookie } = await applicantJourney();
    const req = uploadRequest('/api/v1/uploads', { bytes: await documentPhoto() }, { cookie });
    req.headers.set('origin', 'https://evil.example');
    expect((await upload(req, ctx)).status).toBe(403);
  });
});
