import { Router } from 'express';
import type { HealthService } from '../services/health';

/** Outside /api and the route table: load balancers and the stack launcher call it without a session. */
export function healthRoutes(health: HealthService): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const report = await health.check();
    res
      .status(report.status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(report);
  });
  return router;
}
