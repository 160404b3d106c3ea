import { readFileSync, readdirSync } from 'node:fs';
import { unlistedBreakingChanges } from './breaking.js';
import { SCHEMA_FILE, printedSchema } from './printed.js';

/**
 * `npm run schema:check` (CI): schema.graphql is what `npm run schema:print` writes today, and
 * every breaking change since the newest schema in released/ is listed in CHANGELOG.md's
 * `## Unreleased` section. Exits 1 and says what to do otherwise.
 */
const RELEASED_DIR = 'released';

const versionOf = (file: string) => file.replace(/\.graphql$/, '').split('.').map(Number);
function newestRelease(): string {
  const files = readdirSync(RELEASED_DIR).filter((file) => /^\d+\.\d+\.\d+\.graphql$/.test(file));
  files.sort((a, b) => {
    const [x, y] = [versionOf(a), versionOf(b)];
    return (x[0]! - y[0]!) || (x[1]! - y[1]!) || (x[2]! - y[2]!);
  });
  const newest = files.at(-1);
  if (!newest) throw new Error(`no released schema (${RELEASED_DIR}/X.Y.Z.graphql) to compare with`);
  return newest;
}

const problems: string[] = [];
const current = printedSchema();
const committed = readFileSync(SCHEMA_FILE, 'utf8');
if (committed !== current) {
  problems.push(`${SCHEMA_FILE} is stale: run \`npm run schema:print\` and commit it.`);
}

const release = newestRelease();
const unlisted = await unlistedBreakingChanges(
  readFileSync(`${RELEASED_DIR}/${release}`, 'utf8'),
  current,
  readFileSync('CHANGELOG.md', 'utf8'),
);
for (const change of unlisted) {
  problems.push(
    `breaking change since ${release} not in CHANGELOG.md's "## Unreleased": ${change.message} ` +
      `(add a bullet naming \`${change.path}\` and what clients should use instead)`,
  );
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${SCHEMA_FILE} is current; no unlisted breaking change since ${release}`);
