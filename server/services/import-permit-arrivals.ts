import type { Client } from '@temporalio/client';
import { ROLES } from '../../domain/roles';
import type { TaskRepository } from '../../store/tasks';
import { importPermitReceived, lifecycleWorkflowId } from '../../workflows/permit-lifecycle';

/** The step an Appendix I export waits at until the importing Party's import permit is known. */
const IMPORT_PERMIT_FIRST = 'ma-import-permit-granted';
const PAGE = 200;

/**
 * Tells the exports held for an import permit that one arrived. Each lifecycle looks at its own
 * application again and settles the step only if the permit fits it, so telling one too many costs
 * a look and nothing else. Called once a received permit's signature has been verified and kept.
 */
export class ImportPermitArrivals {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly temporal: Client,
  ) {}

  /** How many held exports were told. */
  async announce(): Promise<number> {
    let told = 0;
    let after: { openedAfter: Date; afterId: string } | undefined;
    for (;;) {
      const waiting = await this.tasks.search({
        actors: ROLES,
        step: IMPORT_PERMIT_FIRST,
        limit: PAGE,
        ...after,
      });
      for (const task of waiting) {
        // A lifecycle that ended meanwhile has nothing to look at.
        const reached = await this.temporal.workflow
          .getHandle(lifecycleWorkflowId(task.applicationId))
          .signal(importPermitReceived)
          .then(() => true)
          .catch(() => false);
        if (reached) told++;
      }
      if (waiting.length < PAGE) return told;
      const last = waiting[waiting.length - 1]!;
      after = { openedAfter: last.openedAt, afterId: last.id };
    }
  }
}
