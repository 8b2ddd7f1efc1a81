import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { endorsedQuantitiesOf, type EndorsedBlock } from '../../domain/documents/endorsed-blocks';
import { blockLetter } from '../../domain/documents/sheets';
import type { IncomingPermit, IncomingPermitRepository } from '../../store/incoming-permits';
import { exchangeDeliveryWorkflow, exchangeDeliveryWorkflowId } from '../../workflows/exchange-delivery';
import { invalid, notFound, PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

/** An expected consignment: a permit another Party issued for goods coming here. */
export type IncomingPermitView = Omit<IncomingPermit, 'signedPermit' | 'xml'>;

export interface ImportConfirmationInput {
  blocks: EndorsedBlock[];
  date: string;
}

/**
 * Permits other Parties sent for consignments coming here, for the Management Authority and customs;
 * customs confirms what arrived (like EPIX ConfirmQuantities), and the signed confirmation goes back
 * to the issuing Party, whose permit is then used.
 */
export class IncomingPermitService {
  constructor(
    private readonly party: string,
    private readonly incomingPermits: IncomingPermitRepository,
    private readonly temporal: Client,
    private readonly taskQueue: string,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: Caller): Promise<IncomingPermitView[]> {
    requirePermission(caller, 'exchange.incoming');
    return (await this.incomingPermits.expectedHere(this.party, 200)).map(viewOf);
  }

  async confirm(caller: Caller, id: string, input: ImportConfirmationInput): Promise<IncomingPermitView> {
    const officer = requirePermission(caller, 'exchange.confirm');
    const permit = await this.incomingPermits.findById(id);
    if (!permit || permit.importerCountry !== this.party || permit.documentType === 'import') {
      throw notFound(`Incoming permit ${id}`);
    }
    if (permit.status !== 'valid') {
      throw new PangolinError(
        'conflict',
        `Permit ${permit.number} is ${permit.status}: nothing can be confirmed under it.`,
      );
    }
    const confirmed = endorsedQuantitiesOf(input.blocks, permit.blocks.length);
    if (!confirmed.ok) throw invalid('Check the blocks confirmed.', confirmed.problems);
    const above = confirmed.quantities.findIndex(
      (quantity, index) => quantity > permit.blocks[index]!.quantity,
    );
    if (above >= 0) {
      throw invalid('More arrived than the permit allows: hold the consignment.', [
        {
          path: `/blocks`,
          message: `block ${blockLetter(above)}: ${confirmed.quantities[above]} is more than the ${permit.blocks[above]!.quantity} permitted`,
        },
      ]);
    }
    const blocks = confirmed.quantities.map((quantity, index) => ({ block: blockLetter(index)!, quantity }));
    // Sent first (once, by its workflow id), then recorded: a crash in between is mended by confirming again.
    const messageId = `${permit.id.replace(':', '-')}-confirmed`;
    try {
      await this.temporal.workflow.start(exchangeDeliveryWorkflow, {
        taskQueue: this.taskQueue,
        workflowId: exchangeDeliveryWorkflowId(messageId),
        args: [
          {
            messageId,
            message: { kind: 'import-confirmed', body: { number: permit.number, blocks, date: input.date } },
            to: permit.fromParty,
          },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const importConfirmation = { blocks, date: input.date, by: officer.email };
    await this.incomingPermits.update(permit.id, { status: 'used', importConfirmation });
    await this.audit.record(caller, {
      action: 'exchange.import-confirmed',
      objectType: 'incoming-permit',
      objectId: permit.id,
      before: { status: permit.status },
      after: { status: 'used', importConfirmation },
    });
    return viewOf({ ...permit, status: 'used', importConfirmation });
  }
}

function viewOf(permit: IncomingPermit): IncomingPermitView {
  const { signedPermit: _signed, xml: _xml, ...view } = permit;
  return view;
}
