// The person's own page, /connection: their session (opened by an eID login through the journey's login plumbing),
// what it shows about their link, the removal of the link, and the copy of their data.
import 'server-only';

export * from './session';
export { getConnectionOverview, listOwnLookups, type ConnectionOverview, type OwnLookup, type OwnApplication } from './overview';
export { buildDataCopy, dataCopyFileName, limitDataCopies, outcomeShown } from './data-copy';
export { limitRemovals, removeOwnConnection } from './remove';
