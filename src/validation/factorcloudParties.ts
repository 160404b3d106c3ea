import { z } from 'zod';
import type { ClientWrite, DebtorWrite, VendorWrite } from '../upstreams/factorcloud/client.js';
import { CLIENT_TYPES, INDUSTRIES } from '../upstreams/factorcloud/clientSchema.js';
import {
  debtorCountry,
  optionalDate,
  optionalEmail,
  optionalNonNegativeMoney,
  optionalText,
  phone,
  required,
  state,
} from './factorcloudRules.js';
import { canonicalZipCode, checkZipCode } from './factorcloudZipCodes.js';

/**
 * Inputs of create-client, create-debtor and create-vendor (factorcloud.md §5.3, §5.6, §5.13),
 * validated before anything is sent. Outputs are the upstream client's write types.
 */

const contact = {
  compCode: optionalText,
  address1: optionalText,
  address2: optionalText,
  city: optionalText,
  state,
  zipCode: optionalText,
  phone,
  fax: phone,
  email: optionalEmail,
};

/**
 * create-client. The docs give phone formats only for debtors and vendors; they are applied to
 * clients too, since FactorCloud presumably stores every phone number the same way. A client's
 * `Country` is free text (no USA/MEX/CAN list for clients).
 */
export const upsertClientInput = z.object({
  clientKey: required,
  name: required,
  ...contact,
  country: optionalText,
  phoneAlt: phone,
  uccDate: optionalDate,
  uccDate2: optionalDate,
  uccSignedDate: optionalDate,
  type: z
    .enum(CLIENT_TYPES)
    .nullish()
    .transform((value) => value ?? undefined),
  industry: z
    .enum(INDUSTRIES)
    .nullish()
    .transform((value) => value ?? undefined),
  altName: optionalText,
  ediId: optionalText,
  fedTaxNum: optionalText,
  dunsNum: optionalText,
  mcNumber: optionalText,
  dotNumber: optionalText,
  creditLimit: optionalNonNegativeMoney,
}) satisfies z.ZodType<ClientWrite, unknown>;

/** Debtor and vendor fields beyond the shared contact ones: USA/MEX/CAN and their zip formats. */
const party = {
  ...contact,
  zipCode: optionalText.transform((value) => (value === undefined ? value : canonicalZipCode(value))),
  country: debtorCountry,
  mcNumber: optionalText,
  dotNumber: optionalText,
  notes: optionalText,
};

/** The zip rule reads the country too; like the schedule rules it runs even when a field failed. */
const ALWAYS = { when: () => true };

/** create-debtor: Country is one of USA/MEX/CAN; State two letters; phones in the three formats. */
export const upsertDebtorInput = z
  .object({ clientKey: required, debtorKey: required, name: required, ...party })
  .superRefine(checkZipCode, ALWAYS) satisfies z.ZodType<DebtorWrite, unknown>;

/** create-vendor: the debtor rules, with the vendor's key. */
export const upsertVendorInput = z
  .object({ clientKey: required, vendorKey: required, name: required, ...party })
  .superRefine(checkZipCode, ALWAYS) satisfies z.ZodType<VendorWrite, unknown>;
