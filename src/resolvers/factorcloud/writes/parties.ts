import { readCountry } from '../../../upstreams/factorcloud/debtorSchema.js';
import type { Context } from '../../../context.js';
import type { VendorRecord, VendorWrite } from '../../../upstreams/factorcloud/client.js';
import {
  upsertClientInput,
  upsertDebtorInput,
  upsertVendorInput,
} from '../../../validation/factorcloudParties.js';
import { echoOrReread, validateAndSend } from './flow.js';

/** upsertClient / upsertDebtor / upsertVendor: create-client, create-debtor, create-vendor. */

export async function upsertClient(input: unknown, { upstreams, loaders }: Context) {
  const result = await validateAndSend(
    upsertClientInput,
    input,
    (w) => upstreams.factorCloud.createClient(w),
    {
      what: 'the client',
      conflictField: ['input', 'clientKey'],
      notFoundField: ['input', 'clientKey'],
    },
  );
  if (!result.ok) return { client: null, userErrors: result.userErrors };
  const client = await echoOrReread(loaders.factorCloud.clientByKey, result.write.clientKey, result.value);
  return { client, userErrors: [] };
}

export async function upsertDebtor(input: unknown, { upstreams, loaders }: Context) {
  const result = await validateAndSend(
    upsertDebtorInput,
    input,
    (w) => upstreams.factorCloud.createDebtor(w),
    {
      what: 'the debtor',
      conflictField: ['input', 'debtorKey'],
      // The write refers to the client; an unknown client is the likely reason for a 404.
      notFoundField: ['input', 'clientKey'],
    },
  );
  if (!result.ok) return { clientDebtor: null, userErrors: result.userErrors };
  const { clientKey, debtorKey } = result.write;
  // The master debtor may have been created or changed too.
  loaders.factorCloud.debtorByKey.clear(debtorKey);
  const clientDebtor = await echoOrReread(
    loaders.factorCloud.clientDebtorByKeys,
    { clientKey, debtorKey },
    result.value,
  );
  return { clientDebtor, userErrors: [] };
}

/** create-vendor has no read call to fall back on: an unusable echo leaves what was sent (and accepted). */
export async function upsertVendor(input: unknown, { upstreams }: Context) {
  const result = await validateAndSend(
    upsertVendorInput,
    input,
    (w) => upstreams.factorCloud.createVendor(w),
    {
      what: 'the vendor',
      conflictField: ['input', 'vendorKey'],
      notFoundField: ['input', 'clientKey'],
    },
  );
  if (!result.ok) return { vendor: null, userErrors: result.userErrors };
  return { vendor: result.value ?? sentVendor(result.write), userErrors: [] };
}

function sentVendor(w: VendorWrite): VendorRecord {
  return {
    clientKey: w.clientKey,
    vendorKey: w.vendorKey,
    compCode: w.compCode ?? null,
    name: w.name,
    address1: w.address1 ?? null,
    address2: w.address2 ?? null,
    city: w.city ?? null,
    state: w.state ?? null,
    zipCode: w.zipCode ?? null,
    country: readCountry(w.country ?? null).value,
    countryRaw: w.country ?? null,
    phone: w.phone ?? null,
    fax: w.fax ?? null,
    email: w.email ?? null,
    mcNumber: w.mcNumber ?? null,
    dotNumber: w.dotNumber ?? null,
    notes: w.notes ?? null,
  };
}
