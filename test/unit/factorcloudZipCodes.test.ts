import { describe, expect, it } from 'vitest';
import {
  upsertClientInput,
  upsertDebtorInput,
  upsertVendorInput,
} from '../../src/validation/factorcloudParties.js';
import { validateInput } from '../../src/validation/userErrors.js';

/** src/validation/factorcloudZipCodes.ts, through the create-debtor and create-vendor inputs. */

function errorsOf(schema: Parameters<typeof validateInput>[0], input: unknown) {
  const result = validateInput(schema, input);
  return result.ok ? [] : result.userErrors.map((e) => [e.field.join('.'), e.code]);
}

const debtor = { clientKey: 'C', debtorKey: 'D', name: 'N' };

describe('debtor and vendor Zipcode (§5.6: US, Mexican or Canadian format)', () => {
  it.each([
    ['USA', '40202', '40202'],
    ['usa', '40202-1234', '40202-1234'],
    ['MEX', '06600', '06600'],
    ['CAN', 'K1A 0B1', 'K1A 0B1'],
    ['CAN', 'k1a0b1', 'K1A 0B1'],
    [undefined, '40202-1234', '40202-1234'],
    [undefined, 'v5k 0a1', 'V5K 0A1'],
  ])('accepts %s %j (sent as %j)', (country, zipCode, sent) => {
    for (const schema of [upsertDebtorInput, upsertVendorInput]) {
      const result = validateInput(schema, { ...debtor, vendorKey: 'V', country, zipCode });
      expect(result.ok && result.value.zipCode).toBe(sent);
    }
  });

  it.each([
    ['USA', '4020', 'must be a US ZIP code (##### or #####-####) for country USA'],
    ['MEX', '06600-1234', 'must be a Mexican postal code (#####) for country MEX'],
    ['CAN', '40202', 'must be a Canadian postal code (A#A #A#) for country CAN'],
    [
      undefined,
      'ABC',
      'must be a US (##### or #####-####), Mexican (#####) or Canadian (A#A #A#) postal code',
    ],
    [
      'Mexico',
      'K1A-0B1',
      'must be a US (##### or #####-####), Mexican (#####) or Canadian (A#A #A#) postal code',
    ],
  ])('refuses for country %s the zip %j, naming the path and the rule', (country, zipCode, rule) => {
    const result = validateInput(upsertDebtorInput, { ...debtor, country, zipCode });
    const zipErrors = result.ok ? [] : result.userErrors.filter((e) => e.field.join('.') === 'input.zipCode');
    expect(zipErrors).toEqual([
      { field: ['input', 'zipCode'], code: 'INVALID_FORMAT', message: `input.zipCode: ${rule}` },
    ]);
  });

  it('checks the zip even when another field failed, and leaves the client ZipCode free', () => {
    expect(errorsOf(upsertVendorInput, { ...debtor, vendorKey: 'V', phone: 'x', zipCode: 'ABC' })).toEqual([
      ['input.phone', 'INVALID_FORMAT'],
      ['input.zipCode', 'INVALID_FORMAT'],
    ]);
    expect(errorsOf(upsertClientInput, { clientKey: 'C', name: 'N', zipCode: 'SW1A 1AA' })).toEqual([]);
  });
});
