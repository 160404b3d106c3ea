/**
 * graphql's parser stops at `maxTokens` with a syntax error, which Apollo reports as
 * GRAPHQL_PARSE_FAILED. The limit is ours, not a typo of the caller's, so formatError gives it
 * its own code and a message in our words. Recognised by graphql 16's text, which reads
 * "Document contains more that N tokens" (sic; "than" accepted too, should it be corrected):
 * graphql is pinned and test/integration/limits.test.ts fails if the text changes.
 */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** The message to send instead, or undefined when `message` is no token-limit error. */
export function tokenLimitMessage(message: string): string | undefined {
  const limit = TOKEN_LIMIT_MESSAGE.exec(message)?.[1];
  return limit === undefined
    ? undefined
    : `The document has more than ${limit} tokens; at most ${limit} are allowed. Send a shorter document.`;
}
