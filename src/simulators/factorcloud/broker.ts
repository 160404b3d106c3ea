import type { Call } from './context.js';
import { upsertParty } from './parties.js';
import { createSchedule, getSchedule } from './schedules.js';

/** The broker calls: create-vendor (factorcloud.md §5.13), create-sched-broker (§5.14), get-broker-sched (§5.15). */

/**
 * create-vendor: the create-debtor upsert (§5.6's three cases) applied to vendors, with the
 * vendor's key sent as `DebtorKey` (§5.13). Docs are silent on the reply; like create-debtor it
 * is the client's sub-vendor in the §4.2 read shape, the key still under `DebtorKey` (201 new
 * link, 200 update, 404 unknown ClientKey). The fields after `Email` are cut off in the docs; the
 * simulator accepts create-debtor's (`McNumber`, `DOTNumber`, `Notes`, …).
 */
const createVendor: Call = {
  methods: ['POST'],
  handle(context) {
    const { masterVendors, subVendors } = context.dataset.factorCloud;
    return upsertParty(context, { masters: masterVendors, links: subVendors });
  },
};

/**
 * create-sched-broker: create-sched plus, per invoice, `VendorKey` (a vendor linked to the client
 * by create-vendor, else 400) and `AdvanceAmount` (0 < AdvanceAmount <= InvoiceAr, else 400).
 * The docs' own examples omit both (§5.14); the simulator follows the table, which marks them
 * required.
 */
const createSchedBroker: Call = {
  methods: ['POST'],
  handle: (context) => createSchedule(context, 'broker'),
};

/**
 * get-broker-sched: URI, method and identifier are cut off in the docs (§5.15); the simulator
 * serves `GET get-broker-sched/` with the IntegrationBatchId where get-sched takes it.
 */
const getBrokerSched: Call = {
  methods: ['GET'],
  handle: (context) => getSchedule(context, 'broker'),
};

export const BROKER_CALLS: ReadonlyMap<string, Call> = new Map([
  ['create-vendor', createVendor],
  ['create-sched-broker', createSchedBroker],
  ['get-broker-sched', getBrokerSched],
]);
