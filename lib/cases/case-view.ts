// Everything the case page shows about one application, read in one place: the application, the CPR register
// record (without address under name-and-address protection), the eID identity, the comparison, documents,
// related cases and links, history, requests for information and notes.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { eidIdentities, users } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { roleCan } from '@/lib/auth/roles';
import type { DbOrTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getRegister, REGISTER_UNAVAILABLE, type CprRegister } from '@/lib/register';
import { findLookAlikes, type CprRecord, type EidIdentity } from '@/lib/matching';
import { decrypt } from '@/lib/security/crypto';
import { openStates } from '@/lib/applications/states';
import { touchCase } from './assignments';
import { compareCase } from './comparison';
import { listCaseDocuments } from './documents';
import { listHistory, listInfoRequests } from './history';
import { listNotes } from './notes';
import { listRelated } from './related';
import { loadCase } from '@/lib/applications/case';

/**
 * The case page still opens when the register cannot answer, saying so: shown as "not in the register" it would
 * invite a wrong rejection.
 */
async function lookupOrUnavailable(register: CprRegister, cpr: string): Promise<CprRecord | null | 'unavailable'> {
  try {
    return await register.lookup(cpr);
  } catch (e) {
    if (e instanceof AppError && e.messageKey === REGISTER_UNAVAILABLE) return 'unavailable';
    throw e;
  }
}

/** A CPR number of someone other than the applicant: enough to tell look-alikes apart (birth date, sex), no more. */
export function maskOtherCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-xxx${cpr.slice(9)}`;
}

type LookAlikeSubject = Pick<EidIdentity, 'givenNames' | 'familyName' | 'dateOfBirth'> & Partial<EidIdentity>;

/**
 * Other register persons whom the eID, or the applicant's own data, would match as well: the caseworker must tell
 * them apart knowingly. Their CPR numbers are masked and their addresses left out: they are not the applicant.
 */
async function listLookAlikes(register: CprRegister, cpr: string, subjects: LookAlikeSubject[]) {
  const found = new Map<string, Awaited<ReturnType<CprRegister['bornOn']>>[number]>();
  const dates = [...new Set(subjects.map((s) => s.dateOfBirth))];
  const bornOn = new Map(await Promise.all(dates.map(async (d) => [d, await register.bornOn(d)] as const)));
  for (const subject of subjects) {
    const eid: EidIdentity = { personIdentifier: '', country: '', levelOfAssurance: 'high', ...subject };
    for (const other of findLookAlikes(eid, { cpr }, bornOn.get(subject.dateOfBirth))) found.set(other.cpr, other);
  }
  return [...found.values()].map((r) => ({
    cpr: maskOtherCpr(r.cpr),
    givenNames: r.givenNames,
    middleName: r.middleName ?? null,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    status: r.status,
  }));
}

export async function getCaseView(db: DbOrTx, applicationId: string, staff: Staff, register?: CprRegister) {
  const app = await loadCase(db, applicationId);
  const cpr = decrypt(app.cprEnc);
  const cprRegister = register ?? getRegister(db);
  const [answer, eidRows, assignee, documents, related, history, infoRequests, notes] = await Promise.all([
    lookupOrUnavailable(cprRegister, cpr),
    app.eidIdentityId ? db.select().from(eidIdentities).where(eq(eidIdentities.id, app.eidIdentityId)) : Promise.resolve([]),
    app.assignedTo
      ? db.select({ name: sql<string>`coalesce(${users.name}, ${users.email})` }).from(users).where(eq(users.id, app.assignedTo))
      : Promise.resolve([]),
    listCaseDocuments(db, app.id),
    listRelated(db, app),
    listHistory(db, app.id),
    listInfoRequests(db, app.id),
    listNotes(db, app.id),
  ]);
  const registerUnavailable = answer === 'unavailable';
  const record = registerUnavailable ? null : answer;
  if (app.assignedTo === staff.id) await touchCase(db, app.id, staff.id);
  const eid = eidRows[0] ?? null;
  // With the register unreachable the page says so; the look-alikes are asked for again once it answers.
  const lookAlikes = registerUnavailable ? [] : await listLookAlikes(cprRegister, cpr, [
    ...(eid ? [{ givenNames: eid.givenNames, familyName: eid.familyName, dateOfBirth: eid.dateOfBirth, ...(eid.birthName ? { birthName: eid.birthName } : {}), ...(eid.gender ? { gender: eid.gender } : {}) }] : []),
    { givenNames: app.givenNames, familyName: app.familyName, dateOfBirth: app.dateOfBirth },
  ]);
  const assignedToMe = app.assignedTo === staff.id;
  const supervisor = roleCan(staff.role, 'supervisor');
  const decide = app.state === 'in_review' && (assignedToMe || supervisor);
  // The same refusals approveApplication makes, so the page never offers an approval the server will refuse.
  const approveBlockedBy: 'noEidIdentity' | 'notInRegister' | 'registerDeceased' | null =
    !app.personIdentifier ? 'noEidIdentity' : !record ? 'notInRegister' : record.status === 'deceased' ? 'registerDeceased' : null;
  return {
    application: {
      id: app.id,
      reference: app.reference,
      state: app.state,
      version: app.version,
      country: app.country,
      nationality: app.nationality,
      documentType: app.documentType,
      documentNumber: app.documentNumber,
      documentExpiry: app.documentExpiry,
      givenNames: app.givenNames,
      familyName: app.familyName,
      dateOfBirth: app.dateOfBirth,
      cpr,
      email: app.email,
      locale: app.locale,
      personIdentifier: app.personIdentifier,
      matchReasons: app.matchReasons,
      submittedAt: app.submittedAt,
      lastActivityAt: app.lastActivityAt,
      assignedAt: app.assignedAt,
      decidedAt: app.decidedAt,
      rejectReason: app.rejectReason,
      decisionText: app.decisionText,
    },
    assignee: app.assignedTo ? { id: app.assignedTo, name: assignee[0]?.name ?? null } : null,
    registerUnavailable,
    register: record
      ? {
          givenNames: record.givenNames,
          middleName: record.middleName ?? null,
          familyName: record.familyName,
          dateOfBirth: record.dateOfBirth,
          sex: record.sex,
          status: record.status,
          nameAddressProtected: record.nameAddressProtected,
          historicalNames: record.historicalNames ?? [],
          // The register adapter already withholds it under protection; never pass it on in that case either way.
          address: record.nameAddressProtected ? null : (record.address ?? null),
        }
      : null,
    eid: eid
      ? { personIdentifier: eid.personIdentifier, country: eid.country, givenNames: eid.givenNames, familyName: eid.familyName, dateOfBirth: eid.dateOfBirth, birthName: eid.birthName, gender: eid.gender, levelOfAssurance: eid.levelOfAssurance }
      : null,
    comparison: compareCase({
      applicant: { givenNames: app.givenNames, familyName: app.familyName, dateOfBirth: app.dateOfBirth },
      register: record,
      eid: eid ? { givenNames: eid.givenNames, familyName: eid.familyName, dateOfBirth: eid.dateOfBirth, gender: eid.gender } : null,
    }),
    lookAlikes,
    /** Other open applications for this CPR number (from other eIDs): approving this one needs a look at them. */
    otherOpenForCpr: related.applications.filter((a) => a.sharedBy !== 'eid' && openStates.includes(a.state)).length,
    documents,
    related,
    history,
    infoRequests,
    notes,
    permissions: {
      take: app.state === 'submitted' && !app.assignedTo,
      release: app.state === 'in_review' && (assignedToMe || supervisor),
      decide,
      approve: decide && approveBlockedBy === null,
      approveBlockedBy,
      override: app.state === 'in_review' && !assignedToMe && supervisor,
      reassign: supervisor && (app.state === 'submitted' || app.state === 'in_review'),
    },
  };
}

export type CaseView = Awaited<ReturnType<typeof getCaseView>>;
