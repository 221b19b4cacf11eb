// Reads back what write-personal-data wrote (WRITTEN, as JSON) with the keys this process is configured with.
import { closeDb, getDb } from '@/lib/db';
import { readPersonalData } from '../personal-data';

console.log(JSON.stringify(await readPersonalData(getDb(), JSON.parse(process.env.WRITTEN!))));
await closeDb();
