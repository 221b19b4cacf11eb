// The thumbnail of a draft's photo, for the applicant whose journey uploaded it and nobody else.
import { findOwnedUpload, readThumbnail } from '@/lib/documents/uploads';
import { notFound } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

export const GET = route<'applicant', undefined, { id: string }>({ who: 'applicant' }, async ({ db, caller: journey, params: { id } }) => {
  if (!z.uuid().safeParse(id).success) throw notFound();
  const upload = await findOwnedUpload(db, { journeyId: journey.id }, id);
  if (!upload) throw notFound();
  return new Response(new Uint8Array(await readThumbnail(upload.thumbKey)), {
    headers: { 'content-type': 'image/webp', 'cache-control': 'private, no-store' },
  });
});
