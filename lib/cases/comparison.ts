// Field-by-field comparison for the case page: what the applicant typed and what the eID says, each held against
// the CPR register record, with the same name normalisation the automatic match uses ("Müller" = "MUELLER").
import { namesAgree } from '@/lib/matching';

/** 'missing': the value itself is absent; 'unchecked': present, but the register has nothing to hold it against. */
export type Mark = 'agree' | 'differ' | 'missing' | 'unchecked';
export type ComparedField = 'givenNames' | 'familyName' | 'dateOfBirth' | 'sex';

export type ComparisonRow = {
  field: ComparedField;
  applicant: { value: string | null; mark: Mark } | null;
  register: string | null;
  eid: { value: string | null; mark: Mark } | null;
};

export type ComparisonInput = {
  applicant: { givenNames: string; familyName: string; dateOfBirth: string };
  register: { givenNames: string; middleName?: string; familyName: string; dateOfBirth: string; sex: 'male' | 'female' } | null;
  eid: { givenNames: string; familyName: string; dateOfBirth: string; gender?: 'male' | 'female' | 'unspecified' | null } | null;
};

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

function mark(value: string | null | undefined, reference: string | null | undefined, equal: (a: string, b: string) => boolean): Mark {
  if (!present(value)) return 'missing';
  if (!present(reference)) return 'unchecked';
  return equal(value, reference) ? 'agree' : 'differ';
}

/** A name agrees when it equals the register's, with or without the register's middle name (mellemnavn). */
function nameEqual(candidates: (string | undefined)[]) {
  return (value: string) => candidates.some((c) => present(c) && namesAgree(value, c));
}

export function compareCase(input: ComparisonInput): ComparisonRow[] {
  const { applicant, register, eid } = input;
  const middle = register?.middleName;
  const givenCandidates = [register?.givenNames, middle ? `${register!.givenNames} ${middle}` : undefined];
  const familyCandidates = [register?.familyName, middle ? `${middle} ${register!.familyName}` : undefined];
  const givenEqual = nameEqual(givenCandidates);
  const familyEqual = nameEqual(familyCandidates);
  const registerGiven = register ? [register.givenNames, middle].filter(Boolean).join(' ') : null;
  const dateEqual = (a: string, b: string) => a === b;
  const eidSex = eid?.gender && eid.gender !== 'unspecified' ? eid.gender : null;
  return [
    {
      field: 'givenNames',
      applicant: { value: applicant.givenNames, mark: mark(applicant.givenNames, registerGiven, (v) => givenEqual(v)) },
      register: registerGiven,
      eid: eid ? { value: eid.givenNames, mark: mark(eid.givenNames, registerGiven, (v) => givenEqual(v)) } : null,
    },
    {
      field: 'familyName',
      applicant: { value: applicant.familyName, mark: mark(applicant.familyName, register?.familyName, (v) => familyEqual(v)) },
      register: register?.familyName ?? null,
      eid: eid ? { value: eid.familyName, mark: mark(eid.familyName, register?.familyName, (v) => familyEqual(v)) } : null,
    },
    {
      field: 'dateOfBirth',
      applicant: { value: applicant.dateOfBirth, mark: mark(applicant.dateOfBirth, register?.dateOfBirth, dateEqual) },
      register: register?.dateOfBirth ?? null,
      eid: eid ? { value: eid.dateOfBirth, mark: mark(eid.dateOfBirth, register?.dateOfBirth, dateEqual) } : null,
    },
    {
      // The form does not ask for sex; the eID may carry a gender, which is held against the register.
      field: 'sex',
      applicant: null,
      register: register?.sex ?? null,
      eid: eid ? { value: eidSex, mark: mark(eidSex, register?.sex, dateEqual) } : null,
    },
  ];
}
