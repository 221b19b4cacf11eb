// The shared words (states, document types and kinds, reject reasons, roles, register statuses, the eID's levels) for
// lib, app and components, client components included. They are defined beside the schema that builds its columns
// from them, in db/vocabulary, which imports nothing; this is the one way the rest of the code reaches them.
export * from '@/db/vocabulary';
