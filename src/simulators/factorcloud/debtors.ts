import { linkKey } from '../dataset/types.js';
import type { Call } from './context.js';
import { upsertParty } from './parties.js';
import { badRequest } from './replies.js';
import { emptyJson } from './replyStyle.js';
import { headerValue, queryParam } from './request.js';
import { DEBTOR_FIELDS, debtorJson } from './shapes.js';

/** create-debtor (factorcloud.md §5.6), get-client-debtor (§5.7), get-debtor-master (§5.8). */

/** create-debtor: the three documented upsert cases; see `upsertParty`. */
const createDebtor: Call = {
  methods: ['POST'],
  handle(context) {
    const { masterDebtors, subDebtors } = context.dataset.factorCloud;
    return upsertParty(context, { masters: masterDebtors, links: subDebtors });
  },
};

/**
 * get-client-debtor: one sub-debtor by `clientkey` + `debtorkey` (§5.7), from the query (the
 * docs' malformed `?clientkey=X?debtorkey=Y` included, see `lenientQuery`) or from headers.
 * `ClientKey` in the reply is the client's. Docs are silent on an unknown pair; the simulator
 * answers 200 with the docs' example shape and every value `""`, as for get-invoice.
 */
const getClientDebtor: Call = {
  methods: ['GET'],
  handle({ dataset, request, query }) {
    const clientKey = queryParam(query, 'clientkey') ?? headerValue(request, 'clientkey');
    const debtorKey = queryParam(query, 'debtorkey') ?? headerValue(request, 'debtorkey');
    const problems = [
      ...(clientKey === undefined ? ['clientkey: is required'] : []),
      ...(debtorKey === undefined ? ['debtorkey: is required'] : []),
    ];
    if (clientKey === undefined || debtorKey === undefined) return badRequest(problems);
    const entry = dataset.factorCloud.subDebtors.get(linkKey(clientKey, debtorKey));
    if (!entry) return { status: 200, body: emptyJson(DEBTOR_FIELDS) };
    return { status: 200, body: debtorJson(entry.debtor, entry.replyStyle) };
  },
};

/**
 * get-debtor-master: one master debtor (§5.8). The docs send the debtor key in a parameter named
 * `clientkey`; the simulator reads `debtorkey` first, then `clientkey` (query or header), then a
 * `/<key>.json` path suffix. A master belongs to no single client, so `ClientKey` is empty (null
 * typed, `""` docs-faithful). The docs restrict the call to "admin users" without saying how that
 * is decided; the simulator treats every authenticated caller as an admin. Unknown → 200, all `""`.
 */
const getDebtorMaster: Call = {
  methods: ['GET'],
  handle({ dataset, request, query, path }) {
    const key =
      queryParam(query, 'debtorkey') ??
      headerValue(request, 'debtorkey') ??
      queryParam(query, 'clientkey') ??
      headerValue(request, 'clientkey') ??
      path.pathId;
    if (key === undefined) return badRequest(['debtorkey: is required (also accepted as clientkey)']);
    const entry = dataset.factorCloud.masterDebtors.get(key);
    if (!entry) return { status: 200, body: emptyJson(DEBTOR_FIELDS) };
    return { status: 200, body: debtorJson(entry.debtor, entry.replyStyle) };
  },
};

export const DEBTOR_CALLS: ReadonlyMap<string, Call> = new Map([
  ['create-debtor', createDebtor],
  ['get-client-debtor', getClientDebtor],
  ['get-debtor-master', getDebtorMaster],
]);
