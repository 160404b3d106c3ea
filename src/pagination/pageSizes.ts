import type { PageSizes } from './pageArgs.js';

/**
 * Page sizes of every cursor connection: a page holds `defaultSize` records when the caller
 * gives neither `first` nor `last`, and at most `maxSize` (above it: BAD_USER_INPUT). One pair
 * for all connections, so a frontend learns it once; the cost model (security/limits) and the
 * schema's `@listSize(assumedSize: 50)` state the same numbers.
 */
export const CONNECTION_PAGE_SIZES: PageSizes = { defaultSize: 50, maxSize: 200 };
