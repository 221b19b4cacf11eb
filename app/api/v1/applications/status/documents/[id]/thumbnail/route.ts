// A thumbnail of the applicant's own photo, through their status session; another applicant's photo is not found.
import { findOwnThumbnail } from '@/lib/applications/status';
import { requireStatusSession } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { readThumbnail } from '@/lib/documents/uploads';
import { notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
import { z } from '@/lib/validation';

export const GET = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const db = getDb();
  const applicationId = await requireStatusSession(db, req);
  if (!z.uuid().safeParse(id).success) throw notFound();
  const thumbKey = await findOwnThumbnail(db, applicationId, id);
  if (!thumbKey) throw notFound();
  return new Response(new Uint8Array(await readThumbnail(thumbKey)), {
    headers: { 'content-type': 'image/webp', 'cache-control': 'private, no-store' },
  });
});
