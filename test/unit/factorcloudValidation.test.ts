import { describe, expect, it } from 'vitest';
import { upsertClientInput, upsertDebtorInput } from '../../src/validation/factorcloudParties.js';
import { isBase64 } from '../../src/validation/factorcloudRules.js';
import { createBrokerScheduleInput, createScheduleInput } from '../../src/validation/factorcloudSchedules.js';
import { postPaymentsInput, storeDocumentInput } from '../../src/validation/factorcloudDocuments.js';
import { validateInput } from '../../src/validation/userErrors.js';

function errorsOf(schema: Parameters<typeof validateInput>[0], input: unknown) {
  const result = validateInput(schema, input);
  return result.ok ? [] : result.userErrors.map((e) => [e.field.join('.'), e.code]);
}

const debtor = { clientKey: 'C', debtorKey: 'D', name: 'N' };

describe('FactorCloud phone, state and country rules', () => {
  it.each(['502-555-0100', '5025550100', '(502) 555-0100'])(
    'accepts the documented phone format %s',
    (phone) => {
      expect(errorsOf(upsertDebtorInput, { ...debtor, phone, fax: phone })).toEqual([]);
    },
  );

  it.each(['502 555 0100', '502-5550100', '(502)555-0100', '+15025550100', '502-555-010'])(
    'refuses %s',
    (phone) => {
      expect(errorsOf(upsertDebtorInput, { ...debtor, phone })).toEqual([['input.phone', 'INVALID_FORMAT']]);
    },
  );

  it('upper-cases a two-letter state and a country, and refuses others', () => {
    const ok = validateInput(upsertDebtorInput, { ...debtor, state: 'bc', country: 'mex' });
    expect(ok.ok && [ok.value.state, ok.value.country]).toEqual(['BC', 'MEX']);
    expect(errorsOf(upsertDebtorInput, { ...debtor, state: 'B.C.', country: 'Mexico' })).toEqual([
      ['input.state', 'INVALID_FORMAT'],
      ['input.country', 'INVALID_VALUE'],
    ]);
  });

  it('treats blank and null optional fields as not given', () => {
    const result = validateInput(upsertClientInput, { clientKey: 'C', name: 'N', city: '  ', phone: null });
    expect(result.ok && result.value).toEqual({ clientKey: 'C', name: 'N' });
  });

  it('checks UCC dates are real calendar dates', () => {
    expect(errorsOf(upsertClientInput, { clientKey: 'C', name: 'N', uccDate: '2026-02-30' })).toEqual([
      ['input.uccDate', 'INVALID_DATE'],
    ]);
  });
});

describe('RefNum is unique to the debtor (§2, §4.1)', () => {
  const invoice = (n: number, debtorKey: string, refNumber?: string) => ({
    integrationInvoiceId: `I${n}`,
    debtorKey,
    invoiceNumber: `N${n}`,
    amount: '1',
    refNumber,
  });
  const scheduleOf = (invoices: ReturnType<typeof invoice>[]) => ({
    integrationBatchId: 'B',
    clientKey: 'C',
    paymentMethod: 'ACH',
    amount: String(invoices.length),
    invoices,
  });

  it('refuses a second invoice with the same debtor and RefNum (trimmed), at its own path', () => {
    const schedule = scheduleOf([
      invoice(0, 'D1', 'BOL-1'),
      invoice(1, 'D2', 'BOL-1'),
      invoice(2, ' D1', 'BOL-1 '),
    ]);
    const result = validateInput(createScheduleInput, schedule);
    expect(result.ok ? [] : result.userErrors).toEqual([
      {
        field: ['input', 'invoices', '2', 'refNumber'],
        code: 'INCONSISTENT',
        message:
          'input.invoices.2.refNumber: repeats refNumber "BOL-1" for debtorKey "D1"; a RefNum must be unique per debtor',
      },
    ]);
  });

  it('allows the same RefNum for other debtors, other cases, and invoices without one', () => {
    const schedule = scheduleOf([
      invoice(0, 'D1', 'BOL-1'),
      invoice(1, 'D2', 'BOL-1'),
      invoice(2, 'D1', 'bol-1'),
      invoice(3, 'D1'),
      invoice(4, 'D1', '  '),
    ]);
    expect(errorsOf(createScheduleInput, schedule)).toEqual([]);
  });

  it('applies to broker schedules too', () => {
    const broker = (n: number) => ({ ...invoice(n, 'D1', 'BOL-9'), vendorKey: 'V', advanceAmount: '1' });
    expect(
      errorsOf(createBrokerScheduleInput, {
        ...scheduleOf([]),
        amount: '2',
        invoices: [broker(0), broker(1)],
      }),
    ).toEqual([['input.invoices.1.refNumber', 'INCONSISTENT']]);
  });
});

describe('amounts are checked in exact cents', () => {
  const schedule = (amount: string, amounts: string[]) => ({
    integrationBatchId: 'B',
    clientKey: 'C',
    paymentMethod: 'ACH',
    amount,
    invoices: amounts.map((a, i) => ({
      integrationInvoiceId: `I${i}`,
      debtorKey: 'D',
      invoiceNumber: `N${i}`,
      amount: a,
    })),
  });

  it('accepts 0.10 + 0.20 = 0.30, where binary floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const result = validateInput(createScheduleInput, schedule('0.3', ['0.10', '0.2']));
    expect(result.ok && result.value.invoices.map((i) => i.amount)).toEqual(['0.10', '0.20']);
  });

  it('refuses a one-cent difference on amounts beyond float precision', () => {
    expect(
      errorsOf(createScheduleInput, schedule('90071992547409.93', ['90071992547409.91', '0.01'])),
    ).toEqual([['input.amount', 'INCONSISTENT']]);
    expect(
      errorsOf(createScheduleInput, schedule('90071992547409.92', ['90071992547409.91', '0.01'])),
    ).toEqual([]);
  });

  it('names the sum it expected', () => {
    const result = validateInput(createScheduleInput, schedule('10', ['2.50', '2.50']));
    expect(result.ok ? '' : result.userErrors[0]?.message).toBe(
      'input.amount: must equal the sum of the invoice amounts (5.00)',
    );
  });

  it('refuses dates that do not exist on payments', () => {
    const payment = { paymentDate: '2026-13-01', paymentType: 'ACH', amount: '1', transactionNumber: 'T' };
    expect(
      errorsOf(postPaymentsInput, {
        batchReference: 'B',
        batchTotal: '1',
        accountNumber: 'A',
        payments: [payment],
      }),
    ).toEqual([['input.payments.0.paymentDate', 'INVALID_DATE']]);
  });
});

describe('documents', () => {
  it.each([
    ['JVBERi0xLjc=', true],
    ['JVBERi0xLjc', false],
    ['JVBE Ri0x', false],
    ['JVBERi0x-_==', false],
    ['', false],
  ])('isBase64(%j) is %s', (value, expected) => {
    expect(isBase64(value)).toBe(expected);
  });

  it('accepts application/pdf in any case and leaves binary content unchecked', () => {
    const result = validateInput(storeDocumentInput, {
      fileName: 'a.pdf',
      contentType: ' Application/PDF ',
      encodingType: 'BINARY',
      encodedDoc: '%PDF-1.7 \u0000',
    });
    expect(result.ok && result.value.contentType).toBe('application/pdf');
  });
});
