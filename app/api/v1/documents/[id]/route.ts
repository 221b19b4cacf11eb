// A document image for staff (review size or thumbnail). Every response is a recorded view; nothing is cached,
// so every view reaches this handler and the history.
import { Readable } from 'node:stream';
import { documentSizes, openDocumentForStaff } from '@/lib/cases/documents';
import { invalidInput, notFound } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const sizeSchema = z.enum(documentSizes).default('review');

export const GET = route<{ staff: 'caseworker' }, undefined, { id: string }>({ who: { staff: 'caseworker' } }, async ({ req, db, caller: staff, params: { id } }) => {
  if (!z.uuid().safeParse(id).success) throw notFound();
  const size = sizeSchema.safeParse(req.nextUrl.searchParams.get('size') ?? undefined);
  if (!size.success) throw invalidInput({ size: ['invalid'] });
  const { body, contentType } = await openDocumentForStaff(db, { documentId: id, staff, size: size.data });
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'content-type': contentType,
      'cache-control': 'private, no-store',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
    },
  });
});
