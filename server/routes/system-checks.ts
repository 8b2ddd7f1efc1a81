import { Router } from 'express';
import type { SystemCheckService } from '../services/system-checks';

export function systemCheckRoutes(systemChecks: SystemCheckService): Router {
  const router = Router();
  router.post('/system/checks', async (_req, res) => {
    const outcome = await systemChecks.run();
    if (outcome.state === 'completed') res.status(201).json(outcome.check);
    else res.status(202).json(outcome);
  });
  router.get('/system/checks/:checkId', async (req, res) => {
    res.json(await systemChecks.find(req.params.checkId));
  });
  return router;
}
