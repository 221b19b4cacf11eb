// The thumbnail of a draft's photo, for the applicant whose journey uploaded it and nobody else.
import { requireApplicantJourney } from '@/lib/applications/access';
import { getDb } from '@/lib/db';
import { findOwnedUpload, readThumbnail } from '@/lib/documents/uploads';
import { notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
import { z } from '@/lib/validation';

export const GET = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const db = getDb();
  const journey = await requireApplicantJourney(db, req);
  if (!z.uuid().safeParse(id).success) throw notFound();
  const upload = await findOwnedUpload(db, { journeyId: journey.id }, id);
  if (!upload) throw notFound();
  return new Response(new Uint8Array(await readThumbnail(upload.thumbKey)), {
    headers: { 'content-type': 'image/webp', 'cache-control': 'private, no-store' },
  });
});
