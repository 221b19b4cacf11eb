// A thumbnail of the applicant's own photo, through their status session; another applicant's photo is not found.
import { findOwnThumbnail } from '@/lib/applications/status';
import { readThumbnail } from '@/lib/documents/uploads';
import { notFound } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

export const GET = route<'status', undefined, { id: string }>({ who: 'status' }, async ({ db, caller: { applicationId }, params: { id } }) => {
  if (!z.uuid().safeParse(id).success) throw notFound();
  const thumbKey = await findOwnThumbnail(db, applicationId, id);
  if (!thumbKey) throw notFound();
  return new Response(new Uint8Array(await readThumbnail(thumbKey)), {
    headers: { 'content-type': 'image/webp', 'cache-control': 'private, no-store' },
  });
});
