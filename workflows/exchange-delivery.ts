import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { DeliveryInput, DeliveryResult, ExchangeActivities } from '../activities/exchange/deliveries';
import { timelineOf } from './officer-step';

export interface ExchangeDeliveryInput extends DeliveryInput {
  /** The application whose timeline shows the delivery, when there is one. */
  applicationId?: string;
}

const { deliverExchangeMessage } = proxyActivities<ExchangeActivities>({
  startToCloseTimeout: '30 seconds',
  // Until the peer has it: a Party offline for days still gets the permit, once.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One signed message to a peer Party, retried until acknowledged. Its workflow id is the message's
 * id, so starting the same delivery twice sends it once; the peer's inbox keeps message ids too.
 */
export async function exchangeDeliveryWorkflow(input: ExchangeDeliveryInput): Promise<DeliveryResult> {
  const { applicationId, ...delivery } = input;
  let result: DeliveryResult;
  try {
    result = await deliverExchangeMessage(delivery);
  } catch (error) {
    // Only a refusal no retry can mend ends here; it stays on the timeline for the MA to see.
    const reason = error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);
    if (applicationId) await timelineOf(applicationId)('exchange-refused', { note: reason });
    return { delivered: false, reason };
  }
  if (applicationId && result.delivered) {
    await timelineOf(applicationId)('exchange-delivered', { note: `${input.message.kind} to ${result.to}` });
  }
  return result;
}

/** The workflow id of a delivery: one per message. */
export function exchangeDeliveryWorkflowId(messageId: string): string {
  return `exchange-delivery-${messageId}`;
}
