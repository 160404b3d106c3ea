import { describe, expect, it } from 'vitest';
import { unlistedBreakingChanges, unreleasedSection } from '../../scripts/schema/breaking.js';

const RELEASED = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { settlements(from: String): [String!]! invoices: [String!]! }
  type Invoice @key(fields: "invoiceNumber") { invoiceNumber: ID! token: String }
`;
/** Drops `Query.settlements` and `Invoice.token` (breaking), adds `Query.payments` (safe). */
const CURRENT = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { invoices: [String!]! payments: [String!] }
  type Invoice @key(fields: "invoiceNumber") { invoiceNumber: ID! }
`;
const changelog = (unreleased: string) =>
  `# Changelog\n\n## Unreleased\n\n${unreleased}\n\n## 0.1.0\n\n- \`Invoice.token\` was added.\n`;

describe('the breaking-change check against the last released schema', () => {
  it('passes when every breaking change is listed in backticks under Unreleased', async () => {
    const log = changelog('- Removed `Query.settlements`: use `Query.payments`.\n- Removed `Invoice.token`.');
    expect(await unlistedBreakingChanges(RELEASED, CURRENT, log)).toEqual([]);
  });

  it('fails on a breaking change that Unreleased does not list, even if an older release names it', async () => {
    const unlisted = await unlistedBreakingChanges(RELEASED, CURRENT, changelog('- Removed `Query.settlements`.'));
    expect(unlisted.map((change) => change.path)).toEqual(['Invoice.token']);
  });

  it('does not count a coordinate written without backticks', async () => {
    const unlisted = await unlistedBreakingChanges(
      RELEASED,
      CURRENT,
      changelog('- Removed Query.settlements and `Invoice.token`.'),
    );
    expect(unlisted.map((change) => change.path)).toEqual(['Query.settlements']);
  });

  it('finds nothing to list when the schema did not change', async () => {
    expect(await unlistedBreakingChanges(RELEASED, RELEASED, changelog(''))).toEqual([]);
  });

  it('reads the Unreleased section up to the next release heading', () => {
    expect(unreleasedSection(changelog('- a'))).toBe('\n- a\n\n');
    expect(unreleasedSection('# Changelog\n\n## Unreleased\n- last')).toBe('- last');
  });
});
