import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { PangolinConfig } from './config';
import type { AppServices } from './composition';
import { authenticate } from './http/authenticate';
import { idempotency } from './http/idempotency';
import { jsonBody } from './http/json-body';
import { HttpMetrics } from './http/metrics';
import { notFoundRoute, problemHandler } from './http/problem';
import { requestLogging } from './http/request-logging';
import { RouteTable } from './http/route-table';
import { securityHeaders } from './http/security';
import { projectRoot } from './project';
import { aboutRoutes, docsAssets } from './routes/about';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { applicationDraftRoutes } from './routes/application-drafts';
import { applicationRoutes } from './routes/applications';
import { formRoutes } from './routes/forms';
import { procedureRoutes } from './routes/procedures';
import { nonDetrimentFindingRoutes } from './routes/non-detriment-findings';
import { permitRoutes, reExportBalanceRoutes } from './routes/permits';
import { reportRoutes, seizureRoutes } from './routes/reports';
import { taskRoutes } from './routes/tasks';
import { exchangeRoutes } from './routes/exchange';
import { quotaRoutes } from './routes/quotas';
import { dashboardRoutes } from './routes/dashboards';
import { verificationPages, verificationRoutes } from './routes/verification';
import { speciesRoutes } from './routes/species';
import { systemCheckRoutes } from './routes/system-checks';
import { uploadRoutes } from './routes/uploads';
import { userRoutes } from './routes/users';

/** Where `vite build` puts the web app. */
export const webAppDir = path.join(projectRoot, 'admin-ui', 'dist');

/** Every API route with its access rule, in one table (also read by OpenAPI and the access test). */
export function apiRouteTable(config: PangolinConfig, services: AppServices): RouteTable {
  const routes = new RouteTable();
  const https = config.http.publicUrl.startsWith('https:');
  aboutRoutes(routes, config);
  authRoutes(routes, services.auth, {
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: https,
      path: '/',
      maxAge: config.auth.sessionTtlMs,
    },
    loginAttemptsPerMinute: config.auth.loginAttemptsPerMinute,
  });
  userRoutes(routes, services.users);
  auditRoutes(routes, services.audit);
  systemCheckRoutes(routes, services.systemChecks);
  speciesRoutes(routes, services.species, services.tradeMeasures, config.publicRequestsPerMinute);
  formRoutes(routes, services.forms);
  procedureRoutes(routes, services.procedures);
  taskRoutes(routes, services.tasks);
  permitRoutes(routes, services.permits, services.permitDocuments);
  verificationRoutes(routes, services.permitVerification, config.publicRequestsPerMinute);
  quotaRoutes(routes, services.exportQuotas);
  dashboardRoutes(routes, services.dashboards);
  exchangeRoutes(
    routes,
    { peers: services.exchangePeers, inbox: services.exchangeInbox, incoming: services.incomingPermits },
    config.publicRequestsPerMinute,
  );
  reExportBalanceRoutes(routes, services.reExportBalances);
  nonDetrimentFindingRoutes(routes, services.nonDetrimentFindings);
  applicationRoutes(routes, services.applications);
  applicationDraftRoutes(routes, services.applicationDrafts);
  uploadRoutes(routes, services.uploads);
  reportRoutes(routes, services.annualReports, services.seizures);
  seizureRoutes(routes, services.seizures);
  return routes;
}

/** Everything under /api: its routes come only from the route table. */
export function createApiRouter(config: PangolinConfig, services: AppServices): express.Router {
  const api = express.Router();
  api.use(jsonBody());
  api.use(cookieParser());
  api.use(authenticate(services.auth, config.http.publicUrl));
  apiRouteTable(config, services).mount(api, { idempotency: idempotency(services.idempotencyKeys) });
  api.use(docsAssets());
  api.use(notFoundRoute);
  return api;
}

/** The HTTP face of Pangolin: health, metrics, the API under /api, and the web app. */
export function createApp(config: PangolinConfig, services: AppServices, logger: Logger): Express {
  const app = express();
  const metrics = new HttpMetrics();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(logger));
  app.use(metrics.middleware());
  app.use(securityHeaders(config.http.publicUrl.startsWith('https:')));

  app.use(healthRoutes(services.health));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metricsText(metrics, config.workerMetrics.url));
  });

  app.use('/api', createApiRouter(config, services));
  app.use(
    verificationPages(services.permitVerification, config.publicRequestsPerMinute, config.http.publicUrl),
  );

  if (fs.existsSync(path.join(webAppDir, 'index.html'))) {
    app.use(express.static(webAppDir, { index: false, maxAge: '1h' }));
    // The web app routes in the browser: any other GET gets its page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(webAppDir, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(problemHandler(logger));
  return app;
}

/** The API's own metrics, followed by the worker's when it exports them (one scrape target). */
async function metricsText(metrics: HttpMetrics, workerMetricsUrl: string | undefined): Promise<string> {
  const own = await metrics.registry.metrics();
  if (!workerMetricsUrl) return own;
  try {
    const response = await fetch(workerMetricsUrl, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? `${own}\n${await response.text()}` : own;
  } catch {
    return own;
  }
}
