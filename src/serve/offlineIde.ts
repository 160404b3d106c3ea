import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { DEBUG_UPSTREAM_CALLS_HEADER } from '../observability/debugAccess.js';

/** Where the subgraph serves its own GraphiQL, every asset inline: it works with no internet. */
export const GRAPHIQL_PATH = '/graphiql';

/** Headers both IDEs start with: development shows every upstream call in the response. */
const IDE_HEADERS = { [DEBUG_UPSTREAM_CALLS_HEADER]: '1' };

/**
 * The GraphiQL page (docs explorer, headers editor), rendered once on first use. The renderer
 * and its inlined bundle (several MB) are imported only then, so a process that never serves
 * the page never loads them.
 */
export function offlineIde(graphqlPath: string): () => Promise<string> {
  let page: Promise<string> | undefined;
  return () => {
    page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
      renderGraphiQL({
        title: 'invoice-graph GraphiQL (offline)',
        endpoint: graphqlPath,
        headers: JSON.stringify(IDE_HEADERS, null, 2),
        defaultHeaders: JSON.stringify(IDE_HEADERS, null, 2),
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: 'headers',
        schemaDescription: true,
        defaultQuery:
          '# Offline GraphiQL served by this subgraph. Open the docs (book icon) to explore the schema.\n{\n  __typename\n}\n',
      }),
    );
    return page;
  };
}

const FALLBACK_MARK = '<div class="fallback">';
const OFFLINE_LINK =
  `<p id="offline-ide-link" style="font-family:sans-serif;padding:8px 16px">` +
  `No internet? Apollo Sandbox loads from Apollo's CDN. ` +
  `<a href="${GRAPHIQL_PATH}">Open the offline GraphiQL served by this subgraph</a>.</p>`;

/**
 * Apollo Sandbox, with a link to the offline IDE in the page Sandbox covers once it has loaded:
 * online it stays out of sight; offline it is the first thing on the page.
 */
export function landingPageWithOfflineLink<TContext extends object>(): ApolloServerPlugin<TContext> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    includeCookies: false,
    headers: IDE_HEADERS,
  });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!render) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await render();
          const html = typeof page.html === 'string' ? page.html : await page.html();
          return { html: withOfflineLink(html) };
        },
      };
    },
  };
}

/**
 * Sandbox's empty container covers the page even when its script never arrived; once the page
 * has loaded without Sandbox, it is hidden so the link can be clicked. Carries the page's nonce,
 * so a Content-Security-Policy that admits Apollo's scripts admits this one too.
 */
function hideEmptySandbox(nonce: string | undefined): string {
  const attribute = nonce ? ` nonce="${nonce}"` : '';
  return (
    `<script${attribute}>window.addEventListener('load', function () {` +
    `if (window.EmbeddedSandbox) return;` +
    `var frame = document.getElementById('embeddableSandbox'); if (frame) frame.style.display = 'none';` +
    `});</script>`
  );
}

function withOfflineLink(html: string): string {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
  const added = OFFLINE_LINK + hideEmptySandbox(nonce);
  if (html.includes(FALLBACK_MARK)) return html.replace(FALLBACK_MARK, FALLBACK_MARK + added);
  return html.replace(/<body[^>]*>/, (body) => body + added);
}
