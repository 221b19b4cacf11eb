// Everything the case page shows about one application, read in one place: the application, the CPR register
// record (without address under name-and-address protection), the eID identity, the comparison, documents,
// related cases and links, history, requests for information and notes.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { eidIdentities, users } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { roleCan } from '@/lib/auth/roles';
import type { DbOrTx } from '@/lib/db';
import { tableRegister, type CprRegister } from '@/lib/register';
import { decrypt } from '@/lib/security/crypto';
import { touchCase } from './assignments';
import { compareCase } from './comparison';
import { listCaseDocuments } from './documents';
import { listHistory, listInfoRequests } from './history';
import { listNotes } from './notes';
import { listRelated } from './related';
import { loadCase } from './transition';

export async function getCaseView(db: DbOrTx, applicationId: string, staff: Staff, register?: CprRegister) {
  const app = await loadCase(db, applicationId);
  const cpr = decrypt(app.cprEnc);
  const [record, eidRows, assignee, documents, related, history, infoRequests, notes] = await Promise.all([
    (register ?? tableRegister(db)).lookup(cpr),
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
  if (app.assignedTo === staff.id) await touchCase(db, app.id, staff.id);
  const eid = eidRows[0] ?? null;
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
