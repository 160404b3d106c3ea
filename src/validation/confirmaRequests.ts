import { z } from 'zod';
import type { ActionCode, OnboardClientInput, ValidAction } from '../upstreams/confirma/writeTypes.js';
import { confirmaId } from './confirmaIds.js';
import { optionalEmail, optionalLanguage, optionalText } from './confirmaParties.js';
import { postalCodeProblem } from './postalCodes.js';
import { countryCode, currencyCode, email, isoDate, money, text } from './rules.js';
import { rule } from './userErrors.js';

/**
 * Input rules for onboarding (§4.1) and invoice actions (§4.5); their wire bodies are built by the
 * entries (src/upstreams/confirma/endpoints/onboarding.ts, invoiceBodies.ts).
 */

/**
 * Finnish business ID: digits, a dash, one check digit. Seven digits is the usual form, but the
 * docs' own onboarding example (§4.1) is `123456-7`, so six digits pass too. The check digit is
 * not verified: the docs' example would fail it.
 */
const FINNISH_BUSINESS_CODE = /^\d{6,7}-\d$/;

/**
 * "Common URL pattern" (§3.1): an http(s) address, or a bare host name such as `www.example.fi`
 * (letters-only top-level domain), optionally with a port and a path. Our reading of "common":
 * the docs give no pattern.
 */
const WEBSITE =
  /^(?:https?:\/\/\S+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?)$/i;

export const onboardClientSchema = z
  .object({
    service: z.object({
      type: z.enum(['LIFECYCLE', 'INTERMEDIATION', 'COOP']),
      partnerCode: optionalText(20),
    }),
    client: z.object({
      name: text(200),
      businessCode: text(20),
      vatRegNbr: optionalText(20),
      postalAddress: optionalText(200),
      postalCode: optionalText(20),
      postalDistrict: optionalText(100),
      countryCode,
      telephone: optionalText(40),
      email: optionalEmail,
      website: optionalText(200).refine((value) => value === null || WEBSITE.test(value), {
        message: 'must be a web address such as https://www.example.fi or www.example.fi',
        ...rule('INVALID_FORMAT'),
      }),
      languageCode: optionalLanguage,
    }),
    contacts: z
      .array(z.object({ role: z.string(), name: text(100), email, phone: optionalText(40) }))
      .nullish()
      .transform((value) => value ?? []),
  })
  .superRefine(({ client }, ctx) => {
    if (client.countryCode === 'FI' && !FINNISH_BUSINESS_CODE.test(client.businessCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['client', 'businessCode'],
        message: 'must be a Finnish business ID such as 1234567-8 (or the older 123456-7)',
        ...rule('INVALID_FORMAT'),
      });
    }
    const problem = client.postalCode ? postalCodeProblem(client.postalCode, client.countryCode) : undefined;
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['client', 'postalCode'],
        message: problem,
        ...rule('INVALID_FORMAT'),
      });
  });

const target = {
  invoiceNumber: confirmaId('a Confirma invoice number'),
  caseId: confirmaId('an agency case id'),
  comment: optionalText(1000),
};

export const ACTION_KINDS = {
  comment: { code: 'COMMENT', schema: z.object({ ...target, comment: text(1000) }) },
  withdraw: { code: 'WITHDRAW', schema: z.object(target) },
  dueDate: { code: 'DUEDATE', schema: z.object({ ...target, dueDate: isoDate }) },
  paymentPlan: { code: 'PAYMENTPLAN', schema: z.object(target) },
  objection: { code: 'OBJECTION', schema: z.object(target) },
  pause: { code: 'PAUSE', schema: z.object(target) },
  /**
   * The docs' DIRECTPAYMENT data (§4.5) carries every member below, the outstanding amounts as
   * numbers (0 in the example): the "balance left after the direct payment". The docs give no
   * default, and a made-up 0 would report a balance as cleared, so the three are required (0
   * allowed). `paymentMethod` and `reference` are plain strings in the docs (not "or null");
   * assumption: when not given they go as `""`, as `comment` does.
   */
  directPayment: {
    code: 'DIRECTPAYMENT',
    schema: z.object({
      ...target,
      paymentMethod: optionalText(40).transform((value) => value ?? ''),
      amount: money('positive'),
      currency: currencyCode,
      paymentDate: isoDate,
      reference: optionalText(70).transform((value) => value ?? ''),
      outstandingCapitalAmount: money('nonNegative'),
      outstandingInterestAmount: money('nonNegative'),
      outstandingCostsAmount: money('nonNegative'),
    }),
  },
} as const;

export type ActionKind = keyof typeof ACTION_KINDS;
const KINDS = Object.keys(ACTION_KINDS) as ActionKind[];
/** The seven documented action codes (§4.5). */
export const ACTION_CODES: readonly ActionCode[] = KINDS.map((kind) => ACTION_KINDS[kind].code);

/** One action of `createInvoiceActions`: exactly one member set, each with its own rules. */
export const invoiceActionSchema = z.record(z.string(), z.unknown()).transform((action, ctx) => {
  const given = KINDS.filter((kind) => action[kind] != null);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `set exactly one of ${KINDS.join(', ')} (got ${given.length})`,
      ...rule('INVALID_VALUE'),
    });
    return z.NEVER;
  }
  const kind = given[0] as ActionKind;
  const parsed = ACTION_KINDS[kind].schema.safeParse(action[kind]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [kind, ...issue.path] });
    return z.NEVER;
  }
  return { kind, code: ACTION_KINDS[kind].code, data: parsed.data };
});

export const createActionsSchema = z.object({
  actions: z.array(invoiceActionSchema).min(1, 'must hold at least one action'),
});

export type { ActionCode, OnboardClientInput, ValidAction };

/** The schemas produce the upstream's write types (checked when compiling). */
void (onboardClientSchema satisfies z.ZodType<OnboardClientInput>);
void (invoiceActionSchema satisfies z.ZodType<ValidAction>);
