import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import type { Metrics, OperationOutcome } from './metrics.js';
import { parentTraceContext } from './requestScope.js';
import type { RequestScope } from './requestScope.js';

// From OTel's GraphQL semantic conventions, which are still incubating: copied, as OTel advises,
// rather than imported from the unstable entry point.
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_REQUEST_ID = 'invoice_graph.request_id';
/** Span names and attributes are not labels, but an invented name still should not be a novel. */
const MAX_TRACED_NAME = 100;

/**
 * Times every GraphQL operation (`graphql_operation_duration_seconds`) and, when tracing is on,
 * wraps it in a server span that upstream call spans hang from. The document and variables are
 * never recorded: they can carry personal data.
 */
export function operationObservability<TContext extends { scope: RequestScope }>(
  metrics: Metrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const scope = contextValue.scope;
      let span: Span | undefined;
      if (scope.tracer) {
        span = scope.tracer.startSpan(
          'GraphQL operation',
          { kind: SpanKind.SERVER, attributes: { [ATTR_REQUEST_ID]: scope.requestId } },
          parentTraceContext(scope),
        );
        scope.operationSpan = span;
      }
      // `unknown` until the document resolves to an operation (never, for invalid documents).
      let type = 'unknown';
      let name = 'unknown';
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          type = operation.operation;
          name = operationName ?? 'anonymous';
          span?.updateName(`${type} ${name.slice(0, MAX_TRACED_NAME)}`);
          span?.setAttributes({
            [ATTR_GRAPHQL_OPERATION_TYPE]: type,
            ...(operationName
              ? { [ATTR_GRAPHQL_OPERATION_NAME]: operationName.slice(0, MAX_TRACED_NAME) }
              : {}),
          });
        },
        async willSendResponse({ response }) {
          const outcome = outcomeOf(response);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation({ type, name, outcome }, seconds);
          if (span) {
            if (outcome !== 'success') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
            span.end();
          }
        },
      };
    },
  };
}

/** `partial`: data with field errors (an upstream failed); `error`: no data at all. */
function outcomeOf(response: GraphQLResponse): OperationOutcome {
  if (response.body.kind !== 'single') return 'success';
  const { errors, data } = response.body.singleResult;
  if (!errors?.length) return 'success';
  return data ? 'partial' : 'error';
}
