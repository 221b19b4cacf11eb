// The worked matching examples: the shared file beside the repository is the source of truth; the demo data keeps a
// committed copy (lib/register/matching-examples.json), used when the repository stands alone.
import { existsSync, readFileSync } from 'node:fs';
import type { CprRecord, EidIdentity, MatchDecision } from '@/lib/matching';

export type MatchingCase = { id: string; why: string; eid: EidIdentity; record: CprRecord; expect: MatchDecision['decision'] };

const shared = new URL('../../../shared/matching-cases.json', import.meta.url);
const copy = new URL('../../lib/register/matching-examples.json', import.meta.url);

export const matchingExamples: MatchingCase[] = JSON.parse(readFileSync(existsSync(shared) ? shared : copy, 'utf8')).cases;
