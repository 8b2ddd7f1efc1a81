import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { notFoundRoute, problemHandler } from './http/problem';
import { projectRoot } from './project';
import { healthRoutes } from './routes/health';
import { systemCheckRoutes } from './routes/system-checks';
import type { HealthService } from './services/health';
import type { SystemCheckService } from './services/system-checks';

export interface AppServices {
  health: HealthService;
  systemChecks: SystemCheckService;
}

/** Where `vite build` puts the web app. */
export const webAppDir = path.join(projectRoot, 'admin-ui', 'dist');

/** The HTTP face of Pangolin: health, the API under /api, and the web app. */
export function createApp(services: AppServices, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );

  app.use(healthRoutes(services.health));

  const api = express.Router();
  api.use(express.json({ limit: '1mb', strict: true }));
  api.use(systemCheckRoutes(services.systemChecks));
  api.use(notFoundRoute);
  app.use('/api', api);

  if (fs.existsSync(path.join(webAppDir, 'index.html'))) {
    app.use(express.static(webAppDir, { index: false, maxAge: '1h' }));
    // The web app routes in the browser: any other GET gets its page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(webAppDir, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(problemHandler(logger));
  return app;
}
