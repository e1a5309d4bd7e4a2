import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import { errorMessage } from '../core/errors/error-messages.js';
import { t } from '../core/i18n/t.js';
import type { RequestContext } from './context.js';
import type { Database, Db } from './db/client.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { dueRoutes } from './modules/due/due.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { myWorkRoutes } from './modules/my-work/my-work.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes.js';
import { geographyRoutes } from './modules/geography/geography.routes.js';
import { indicatorDataRoutes } from './modules/indicator-data/indicator-data.routes.js';
import { quarterlyRoutes } from './modules/reports/quarterly/quarterly.routes.js';
import { budgetRoutes } from './modules/finance/budget.routes.js';
import { workPlanRoutes } from './modules/finance/workplan.routes.js';
import { expenditureRoutes } from './modules/finance/expenditure.routes.js';
import { deliveryRoutes } from './modules/finance/delivery.routes.js';
import { catalyticRoutes } from './modules/finance/catalytic.routes.js';
import { governanceRoutes } from './modules/finance/governance.routes.js';
import { exchangeRoutes, iatiPublishingRoutes } from './modules/exchange/exchange.routes.js';
import { frameworksRoutes } from './modules/frameworks/frameworks.routes.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { programmeDocumentsRoutes } from './modules/programme-documents/programme-documents.routes.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { registerAcceptedText } from './plugins/accepted-text.js';
import { accessRuleOf, registerAccess, type AccessRule } from './modules/auth/access.plugin.js';
import { registerErrorHandler, registerNotFoundHandler } from './plugins/error-handler.js';
import { validatorCompiler } from './plugins/validation.js';
import { localeOf } from './plugins/locale.js';
import { inRequestTransaction } from './plugins/request-transaction.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerReadCache } from './plugins/read-cache.js';
import { jalonSecurityPolicy, registerSecurityHeaders } from './plugins/security-headers.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    /** every route registered, for the tests that walk the whole route table */
    routeTable: { method: string; url: string; hasBody: boolean; access: AccessRule }[];
  }
}

export interface AppOptions {
  db: Db;
  /** the clock, replaceable in tests */
  now?: () => Date;
  logLevel?: string;
  /** the built web app; not served when absent */
  webDist?: string;
  /** the reverse proxies to believe for the client's address and protocol (TRUST_PROXY) */
  trustProxy?: boolean | string;
  /**
   * The database's change notifications: with them the busiest reads are answered from memory and dropped at
   * each write that changes them, in this process or another (plugins/read-cache.ts); without, nothing is kept.
   */
  changes?: Pick<Database, 'listen'>;
}

/** What the portfolio page (`/`) reads first: fetched by the browser while it downloads the scripts. */
const portfolioPreload = ['/api/v1/session', '/api/v1/programmes']
  .map((path) => `<${path}>; rel=preload; as=fetch; crossorigin`)
  .join(', ');

/**
 * Every schema is Zod, checked and serialised by Zod: given to Fastify as its compilers, they spare it loading
 * its own JSON-schema compilers (Ajv and fast-json-stringify, which it loads when none is given — a tenth of a
 * start's CPU; docs/performance.md). Fastify's types expect JSON-schema compilers there, hence the cast.
 */
const zodCompilersOnly = {
  compilersFactory: {
    buildValidator: () => validatorCompiler,
    buildSerializer: () => serializerCompiler,
  },
} as unknown as FastifyServerOptions['schemaController'];

export const defaultWebDist = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Builds the HTTP application: API under /api/v1, OpenAPI at /api/docs, the web app at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // errors the router raises before any route runs (a malformed URL, an over-long parameter) get the same
    // body as every other error
    frameworkErrors: (error, request, rawReply) => {
      const locale = localeOf(request);
      const reply = rawReply as unknown as FastifyReply;
      void reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send({
          error: {
            code: 'bad_request',
            message: errorMessage('bad_request', locale),
            // Fastify's reason is English developer text: the reader gets the catalogue's sentence
            issues: [{ path: 'url', message: t(locale, 'errorCodes.unreadableRequest.url') }],
          },
        });
    },
    schemaController: zodCompilersOnly,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    inRequestTransaction(route, options.db);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const access = accessRuleOf(method, route.config as { access?: AccessRule } | undefined);
      app.routeTable.push({ method, url: route.url, hasBody: Boolean(route.schema?.body), access });
    }
  });

  const now = options.now ?? (() => new Date());
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    request.ctx = { db: options.db, locale: localeOf(request), now, log: request.log, actor: null };
  });
  // text first: a slug or a field holding NUL must not reach the access rules' queries
  registerAcceptedText(app);
  // the access gate keeps sessions in memory in step with the read cache's notifications (session-cache.ts)
  registerAccess(app, options.db, () => app.readCache);
  await registerReadCache(app, { db: options.db, changes: options.changes });

  // helmet's headers, worked out once (plugins/security-headers.ts)
  registerSecurityHeaders(app, jalonSecurityPolicy);

  // users are on slow, expensive links: compress every answer worth it (JSON, scripts, styles)
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await registerOpenApi(app);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(
    async (api) => {
      await api.register(authRoutes, { db: options.db });
      await api.register(auditRoutes);
      await api.register(dueRoutes);
      await api.register(notificationsRoutes);
      await api.register(myWorkRoutes);
      await api.register(programmesRoutes);
      await api.register(programmeDocumentsRoutes);
      await api.register(frameworksRoutes);
      await api.register(indicatorsRoutes);
      await api.register(reportsRoutes);
      await api.register(exchangeRoutes);
      await api.register(geographyRoutes);
      await api.register(activitiesRoutes);
      await api.register(indicatorDataRoutes);
      await api.register(dashboardsRoutes);
      await api.register(importsRoutes);
      await api.register(quarterlyRoutes);
      await api.register(budgetRoutes);
      await api.register(workPlanRoutes);
      await api.register(expenditureRoutes);
      await api.register(deliveryRoutes);
      await api.register(catalyticRoutes);
      await api.register(governanceRoutes);
    },
    { prefix: '/api/v1' },
  );
  // the IATI files' stable public addresses, which the IATI Registry points to (not versioned with the API)
  await app.register(iatiPublishingRoutes);

  const webDist = options.webDist;
  if (webDist && existsSync(`${webDist}/index.html`)) {
    // loaded only where there is a built web app to serve (not by the tests, the OpenAPI document, a bare API)
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // the build writes .br (quality 11) and .gz beside each file: smaller than compressing per request
      preCompressed: true,
      // file names under /assets carry their content hash: cache them for a year; the shell is revalidated
      // (@fastify/static 10 passes the Fastify reply, not the raw response)
      setHeaders: (reply: unknown, path: string) =>
        (reply as { header(k: string, v: string): void }).header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    // The portfolio's data download alongside the app's code instead of after it: on a slow link that is a
    // round trip (400 ms and more) less before the first screen (docs/performance.md, "on a slow link").
    app.addHook('onSend', async (request, reply) => {
      if (request.method === 'GET' && request.url.split('?')[0] === '/')
        reply.header('link', portfolioPreload);
    });
    // client-side routes (/programmes/prosmed) get the app shell
    registerNotFoundHandler(app, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  } else {
    registerNotFoundHandler(app);
  }
  return app;
}
