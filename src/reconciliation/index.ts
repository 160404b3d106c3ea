export { reconcile } from './reconcile.js';
export { MISMATCH_KINDS } from './types.js';
export type * from './types.js';
