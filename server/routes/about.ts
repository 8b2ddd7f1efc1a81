import express, { type Router } from 'express';
import path from 'node:path';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import type { PangolinConfig } from '../config';
import { buildOpenApi } from '../http/openapi';
import type { RouteTable } from '../http/route-table';
import { rateLimiter } from '../http/security';
import { pangolinVersion } from '../project';

export function aboutRoutes(routes: RouteTable, config: PangolinConfig) {
  const publicLimit = rateLimiter('public', config.publicRequestsPerMinute);
  routes.add({
    method: 'get',
    path: '/about',
    access: 'public',
    tag: 'System',
    summary: 'What this deployment is: its Party, demo mode, version',
    before: [publicLimit],
    responses: { 200: { description: 'About this deployment' } },
    handler: async ({ res }) => {
      res.json({
        party: config.party,
        demo: config.demo,
        version: pangolinVersion,
        ...(config.temporal.uiUrl ? { temporalUiUrl: config.temporal.uiUrl } : {}),
      });
    },
  });

  let document: Record<string, unknown> | undefined;
  routes.add({
    method: 'get',
    path: '/openapi.json',
    access: 'public',
    tag: 'System',
    summary: 'This OpenAPI 3.1 document',
    before: [publicLimit],
    responses: { 200: { description: 'The document' } },
    handler: async ({ res }) => {
      document ??= buildOpenApi(routes, config.party);
      res.json(document);
    },
  });

  routes.add({
    method: 'get',
    path: '/docs',
    access: 'public',
    tag: 'System',
    summary: 'The browsable API documentation',
    before: [publicLimit],
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    handler: async ({ res }) => {
      res.type('html').send(docsPage);
    },
  });
}

/** Swagger UI's files, served from the npm package (no CDN), and the script that starts it. */
export function docsAssets(): Router {
  const router = express.Router();
  router.get('/docs/init.js', (_req, res) => {
    res
      .type('application/javascript')
      .send(
        "window.onload = () => { window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true }); };",
      );
  });
  router.use(
    '/docs/assets',
    express.static(path.resolve(getAbsoluteFSPath()), { index: false, maxAge: '1d' }),
  );
  return router;
}

const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pangolin API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;
