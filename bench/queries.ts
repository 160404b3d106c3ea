import { request } from 'undici';
import { z } from 'zod';
import { CONNECTION_PAGE_SIZES } from '../src/pagination/pageSizes.js';
import { ROUTER_HEADERS, WINDOW } from './config.js';

/** The README's "InvoicePage" query, over the window that holds the whole dataset, as one page. */
export const INVOICE_PAGE_QUERY = /* GraphQL */ `
  query InvoicePage($from: Date!, $to: Date!, $first: Int) {
    invoices(filter: { from: $from, to: $to }, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      successfulCount
      failedCount
      filtersApplied {
        from
        to
        defaultLast30DaysApplied
      }
      nodes {
        invoiceNumber
        distribution {
          status
          method
          message
          createdAt
          distributedAt
          fileUrl
          errors {
            code
            description
            type
          }
        }
        paymentControl {
          enabled
          agency
          status
          caseId
          case {
            stage
            status
            activeDays
            balance {
              capitalAmount {
                amount
                currency
              }
              interestAmount {
                amount
                currency
              }
              costsAmount {
                amount
                currency
              }
              totalAmount {
                amount
                currency
              }
            }
          }
        }
        factoring {
          status
          amount {
            amount
            currency
          }
          escrowReserveAmount {
            amount
            currency
          }
          paidInFull
          dueDate
          client {
            clientKey
            name
            creditLimit {
              amount
              currency
            }
          }
        }
      }
    }
  }
`;

/** The largest page there is, so every dataset size the bench runs is one page. */
export const INVOICE_PAGE_VARIABLES = {
  from: WINDOW.from,
  to: WINDOW.to,
  first: CONNECTION_PAGE_SIZES.maxSize,
};

/** The README's "OneInvoice" query: 2 upstream calls (distribution by number, get-invoice). */
export const ONE_INVOICE_QUERY = /* GraphQL */ `
  query OneInvoice($n: ID!) {
    invoice(invoiceNumber: $n) {
      invoiceNumber
      distribution {
        status
      }
      factoring {
        status
        amount {
          amount
          currency
        }
      }
    }
  }
`;

/** The parts of an InvoicePage reply the lower bound is derived from. */
export const invoicePageReplySchema = z.object({
  data: z.object({
    invoices: z.object({
      nodes: z.array(
        z.object({
          invoiceNumber: z.string(),
          paymentControl: z.object({ caseId: z.string().nullable() }).nullable(),
          factoring: z.object({ client: z.object({ clientKey: z.string() }).nullable() }).nullable(),
        }),
      ),
    }),
  }),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

export type InvoicePageReply = z.infer<typeof invoicePageReplySchema>;

/** POSTs a query; the reply text, or an error on a non-200 status or GraphQL errors. */
export async function postQueryText(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ROUTER_HEADERS },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  const errors = z.object({ errors: z.array(z.unknown()).optional() }).parse(JSON.parse(text)).errors;
  if (response.statusCode !== 200 || errors?.length) {
    throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 500)}`);
  }
  return text;
}

/** `postQueryText`, parsed. */
export async function postQuery(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  return JSON.parse(await postQueryText(url, query, variables));
}
