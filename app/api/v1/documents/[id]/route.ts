// A document image for staff (review size or thumbnail). Every response is a recorded view; nothing is cached,
// so every view reaches this handler and the history.
import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { requireStaffFor } from '@/lib/auth';
import { documentSizes, openDocumentForStaff } from '@/lib/cases/documents';
import { getDb } from '@/lib/db';
import { invalidInput, notFound } from '@/lib/errors';
import { handle } from '@/lib/http';
import { z } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const sizeSchema = z.enum(documentSizes).default('review');

export const GET = handle(async (req: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const staff = await requireStaffFor(req, 'caseworker');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw notFound();
  const size = sizeSchema.safeParse(req.nextUrl.searchParams.get('size') ?? undefined);
  if (!size.success) throw invalidInput({ size: ['invalid'] });
  const { body, contentType } = await openDocumentForStaff(getDb(), { documentId: id, staff, size: size.data });
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'content-type': contentType,
      'cache-control': 'private, no-store',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
    },
  });
});
