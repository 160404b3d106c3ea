import { z } from 'zod';
import type { Random } from '../../src/simulators/random.js';

/** The mix of GraphQL operations a soak sends, like a dashboard and a back office would. */

export type OperationName = 'invoiceList' | 'invoice' | 'badInput' | 'mutation';

export interface Operation {
  name: OperationName;
  body: { query: string; variables?: Record<string, unknown> };
}

const INVOICE_LIST = /* GraphQL */ `
  query InvoicePage($filter: InvoiceFilter) {
    invoices(filter: $filter) {
      totalCount
      nodes {
        invoiceNumber
        distribution {
          status
          method
          printedAt
          distributedAt
          errors {
            code
            description
          }
        }
        paymentControl {
          enabled
          agency
          status
          caseId
        }
        factoring {
          integrationInvoiceId
          status
          amount {
            amount
            currency
          }
          dueDate
          paidInFull
        }
      }
    }
  }
`;

const ONE_INVOICE = /* GraphQL */ `
  query OneInvoice($invoiceNumber: ID!) {
    invoice(invoiceNumber: $invoiceNumber) {
      invoiceNumber
      distribution {
        status
      }
      factoring {
        integrationInvoiceId
        status
        amount {
          amount
          currency
        }
        escrowReserveAmount {
          amount
          currency
        }
        paymentMade
        debtorKey
        clientKey
      }
    }
  }
`;

/** Each refused before anything goes upstream: a bad date literal, a bad variable, a too-long window, a typo. */
const BAD_INPUTS: Operation['body'][] = [
  { query: '{ invoices(filter: { from: "2026-02-30" }) { totalCount } }' },
  {
    query: 'query ($filter: InvoiceFilter) { invoices(filter: $filter) { totalCount } }',
    variables: { filter: { from: 'yesterday' } },
  },
  { query: '{ invoices(filter: { from: "2020-01-01", to: "2023-01-01" }) { totalCount } }' },
  { query: '{ invoices { nodes { invoiceNumbr } } }' },
];

const TEST_CONNECTION = /* GraphQL */ `
  mutation {
    testFactorCloudConnection(input: { testValue: "soak" }) {
      check {
        __typename
      }
      userErrors {
        code
      }
    }
  }
`;

const COMMENT_ACTION = /* GraphQL */ `
  mutation Comment($input: CreateInvoiceActionsInput!) {
    createInvoiceActions(input: $input) {
      actions {
        __typename
      }
      userErrors {
        code
        message
      }
    }
  }
`;

const LIST_PAGE = z.object({
  invoices: z.object({
    nodes: z.array(
      z.object({
        invoiceNumber: z.string(),
        paymentControl: z.object({ caseId: z.string().nullish() }).nullish(),
      }),
    ),
  }),
});

const WEIGHTS: readonly (readonly [OperationName, number])[] = [
  ['invoiceList', 40],
  ['invoice', 40],
  ['badInput', 15],
  ['mutation', 5],
];

/** Invoice numbers (and case ids) learnt from list pages feed the single-invoice queries. */
export class OperationMix {
  private readonly invoiceNumbers: string[] = [];
  private readonly cases: { invoiceNumber: string; caseId: string }[] = [];

  constructor(
    private readonly random: Random,
    private readonly today: Date,
  ) {}

  next(): Operation {
    const name = this.invoiceNumbers.length === 0 ? 'invoiceList' : this.random.weighted(WEIGHTS);
    switch (name) {
      case 'invoiceList':
        return { name, body: { query: INVOICE_LIST, variables: { filter: this.window() } } };
      case 'invoice': {
        // One in ten asks for an invoice Confirma does not know (its numbers are integers).
        const known = this.random.chance(0.9);
        const invoiceNumber = known
          ? this.random.pick(this.invoiceNumbers)
          : String(this.random.int(900_000_000, 999_999_999));
        return { name, body: { query: ONE_INVOICE, variables: { invoiceNumber } } };
      }
      case 'badInput':
        return { name, body: this.random.pick(BAD_INPUTS) };
      case 'mutation': {
        if (this.cases.length === 0 || this.random.chance(0.5))
          return { name, body: { query: TEST_CONNECTION } };
        const target = this.random.pick(this.cases);
        const input = { actions: [{ comment: { ...target, comment: 'Soak test note' } }] };
        return { name, body: { query: COMMENT_ACTION, variables: { input } } };
      }
      default: {
        const unreachable: never = name;
        throw new Error(`unknown operation ${String(unreachable)}`);
      }
    }
  }

  /** Remembers invoice numbers and case ids from a list page's data. */
  learn(data: unknown): void {
    const page = LIST_PAGE.safeParse(data);
    if (!page.success || this.invoiceNumbers.length > 500) return;
    for (const node of page.data.invoices.nodes) {
      if (this.invoiceNumbers.includes(node.invoiceNumber)) continue;
      this.invoiceNumbers.push(node.invoiceNumber);
      const caseId = node.paymentControl?.caseId;
      if (caseId) this.cases.push({ invoiceNumber: node.invoiceNumber, caseId });
    }
  }

  /** A page: a 3-day window somewhere in the last 30 days (the simulators' data ends today). */
  private window(): { from: string; to: string } {
    const end = this.random.int(0, 27);
    return { from: isoDaysAgo(this.today, end + 2), to: isoDaysAgo(this.today, end) };
  }
}

function isoDaysAgo(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
