// Writes one of each kind of personal data with the keys this process is configured with, and prints what it wrote.
import { closeDb, getDb } from '@/lib/db';
import { writePersonalData } from '../personal-data';

console.log(JSON.stringify(await writePersonalData(getDb())));
await closeDb();
