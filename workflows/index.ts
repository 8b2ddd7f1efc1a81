// Every workflow the worker runs; the worker's bundle is built from this file.
export { systemCheckWorkflow } from './system-check';
export { permitLifecycleWorkflow } from './permit-lifecycle';
export { nonDetrimentFindingWorkflow } from './non-detriment-finding';
export { exchangeDeliveryWorkflow } from './exchange-delivery';
