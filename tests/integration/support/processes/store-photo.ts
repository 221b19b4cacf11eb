// Stores one specimen photo for the journey in JOURNEY_ID, as the upload route does, then exits.
import { getDb, closeDb } from '@/lib/db';
import { storeDocumentPhoto } from '@/lib/documents/uploads';
import { documentPhoto } from '../../../support/test-images';

const photo = await storeDocumentPhoto(getDb(), { journeyId: process.env.JOURNEY_ID! }, 'passport_photo', await documentPhoto());
console.log(JSON.stringify(photo));
await closeDb();
