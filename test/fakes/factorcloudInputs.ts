import { expect } from 'vitest';
import type { FactorCloudFake } from './factorcloud.js';
import { FACTORCLOUD_TEST_CREDENTIALS } from './factorcloud.js';
import type { RecordedRequest } from '../support/fakeUpstream.js';

/** GraphQL inputs and request checks shared by the FactorCloud write tests. */

export const CREATE_SCHEDULE = `mutation ($input: CreateFactoringScheduleInput!, $idempotencyKey: String) {
  createFactoringSchedule(input: $input, idempotencyKey: $idempotencyKey) {
  schedule { integrationBatchId amount { amount } paymentMethod invoices { integrationInvoiceId invoiceNumber amount { amount } refNumber dueDate status } }
  userErrors { field message code } } }`;

/** The docs' example with its Amount corrected to the invoices' sum (100 + 250 + 375). */
export function docsExample(integrationBatchId: string) {
  return {
    integrationBatchId,
    clientKey: 'CL-1',
    amount: '725',
    paymentMethod: 'WIRE',
    label: 'Example Label',
    notes: 'Example Notes',
    invoices: [
      {
        integrationInvoiceId: `${integrationBatchId}-1`,
        debtorKey: 'EXAMPLE_DEBTOR',
        invoiceNumber: `${integrationBatchId}_1`,
        amount: '100',
        invoiceDate: '2020-01-01',
        dueDate: '2020-01-30',
        refNumber: 'ExampleA',
      },
      {
        integrationInvoiceId: `${integrationBatchId}-2`,
        debtorKey: 'EXAMPLE_DEBTOR',
        invoiceNumber: `${integrationBatchId}_2`,
        amount: '250',
      },
      {
        integrationInvoiceId: `${integrationBatchId}-3`,
        debtorKey: 'EXAMPLE_DEBTOR2',
        invoiceNumber: `${integrationBatchId}_3`,
        amount: '375',
      },
    ],
  };
}

/** The POSTs the fake received for `call`. */
export function postsTo(fake: FactorCloudFake, call: string): RecordedRequest[] {
  return fake.requestsTo(`/${call}/`).filter((r) => r.method === 'POST');
}

/** The one POST to `call`, checked for path, auth and JSON content type; its body parsed. */
export function sentBody(fake: FactorCloudFake, call: string): unknown {
  const posts = postsTo(fake, call);
  expect(posts).toHaveLength(1);
  const [request] = posts;
  expect(request?.path).toBe(`/api_factor/${call}/`);
  expect(request?.headers['content-type']).toBe('application/json');
  expect(request?.headers['auth-factorid']).toBe(FACTORCLOUD_TEST_CREDENTIALS.factorId);
  expect(request?.headers['auth-apikey']).toBe(FACTORCLOUD_TEST_CREDENTIALS.apiKey);
  return JSON.parse(request?.body ?? '');
}
