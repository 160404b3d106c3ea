import { z } from 'zod';
import { countryCode, email, languageCode, text } from './rules.js';
import { postalCodeProblem } from './postalCodes.js';
import { rule } from './userErrors.js';

/** Input rules for the parties of a Confirma SalesInvoiceRequest (confirma.md §5.2–5.6). */

/** Optional text: GraphQL sends null for an unset field; empty text counts as unset. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const optionalEmail = email.nullish().transform((value) => value ?? null);
export const optionalLanguage = languageCode.nullish().transform((value) => value ?? null);

export const addressSchema = z
  .object({
    street: text(100),
    street2: optionalText(100),
    street3: optionalText(100),
    postalCode: text(20),
    postalDistrict: text(100),
    countryCode,
    countryName: optionalText(100),
  })
  .superRefine(checkPostalCode);

/** The postal code against its country's format, when both are given. */
function checkPostalCode(
  address: { postalCode: string | null; countryCode: string | null },
  ctx: z.RefinementCtx,
): void {
  if (address.postalCode === null || address.countryCode === null) return;
  const problem = postalCodeProblem(address.postalCode, address.countryCode);
  if (problem)
    ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem, ...rule('INVALID_FORMAT') });
}

export const contactSchema = z.object({
  contactPerson: z
    .object({ name: optionalText(100), email: optionalEmail })
    .nullish()
    .transform((value) => value ?? null),
  email: optionalEmail,
  phone: optionalText(40),
});

const optionalContact = contactSchema.nullish().transform((value) => value ?? null);

export const sellerPartySchema = z.object({
  businessId: text(20),
  name: text(200),
  vatCode: optionalText(20),
  address: addressSchema,
  contact: optionalContact,
  paymentDetails: z
    .object({
      iban: optionalText(34),
      bic: optionalText(11),
      bankgiro: optionalText(20),
      postgiro: optionalText(20),
    })
    .nullish()
    .transform((value) => value ?? null),
});

export const buyerPartySchema = z.object({
  entityType: text(20).transform((value) => value.toUpperCase()),
  name: text(200),
  customerAccountId: optionalText(50).transform((value) => value ?? ''),
  personalIdentityNumber: optionalText(20),
  businessId: optionalText(20),
  vatCode: optionalText(20),
  electronicInvoiceAccount: optionalText(70),
  electronicRoutingAddress: optionalText(70),
  glnNumber: optionalText(20),
  languageCode: optionalLanguage,
  disableCollection: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  address: addressSchema,
  contact: optionalContact,
});

/** Empty text counts as unset, as for optionalText; anything else must be an ISO 3166 code. */
const optionalCountry = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  countryCode.nullish().transform((value) => value ?? null),
);

/**
 * The recipient's address. The docs' example (§4.4) sends it with `street`, `street2` and
 * `street3` null and §5.4 says the recipient's members are "All nullable", so every member is
 * optional here; a member that is given is still checked (country code, postal code against the
 * country when both are given).
 */
export const recipientAddressSchema = z
  .object({
    street: optionalText(100),
    street2: optionalText(100),
    street3: optionalText(100),
    postalCode: optionalText(20),
    postalDistrict: optionalText(100),
    countryCode: optionalCountry,
    countryName: optionalText(100),
  })
  .superRefine(checkPostalCode);

const EMPTY_RECIPIENT_ADDRESS: z.output<typeof recipientAddressSchema> = {
  street: null,
  street2: null,
  street3: null,
  postalCode: null,
  postalDistrict: null,
  countryCode: null,
  countryName: null,
};

export const recipientPartySchema = z.object({
  name: optionalText(200),
  businessId: optionalText(20),
  vatCode: optionalText(20),
  electronicInvoiceAccount: optionalText(70),
  electronicRoutingAddress: optionalText(70),
  glnNumber: optionalText(20),
  email: optionalEmail,
  languageCode: optionalLanguage,
  // The docs' example sends the address object with null members, never a null address.
  address: recipientAddressSchema.nullish().transform((value) => value ?? EMPTY_RECIPIENT_ADDRESS),
});
