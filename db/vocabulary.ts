// The words the database, the server and the browser share: application states, document types and kinds, reject
// reasons, staff roles, register statuses and the eID's levels. db/schema builds its columns from these lists; the
// rest of the code, client components included, reads them through lib/vocabulary, so no table definition reaches the
// browser. It imports nothing and does no I/O (lint keeps it so): the one file of db/ that client code may reach.

export const applicationStates = ['submitted', 'in_review', 'awaiting_applicant', 'approved', 'rejected', 'expired', 'withdrawn'] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const documentTypes = ['passport', 'id_card'] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentKinds = ['passport_photo', 'id_front', 'id_back'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const rejectReasons = ['document_unreadable', 'document_expired', 'data_mismatch', 'not_applicants_document', 'suspected_fraud', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const staffRoles = ['caseworker', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const levelsOfAssurance = ['low', 'substantial', 'high'] as const;
export type LevelOfAssurance = (typeof levelsOfAssurance)[number];

export const linkMethods = ['auto', 'mitid', 'manual'] as const;
export type LinkMethod = (typeof linkMethods)[number];

/** A person's status in the CPR register. */
export const cprStatuses = ['active', 'inactive', 'emigrated', 'disappeared', 'deceased', 'annulled', 'changed'] as const;
export type CprStatus = (typeof cprStatuses)[number];

/** Sex as the CPR register records it (the last digit of the CPR number). */
export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];

/** Gender as an eID may assert it. */
export const genders = ['male', 'female', 'unspecified'] as const;
export type Gender = (typeof genders)[number];
