import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { lifecycleAgainstRecord, refusedForState } from '../../../server/services/lifecycles';

describe('a lifecycle catching up with its permit record', () => {
  it.each([
    ['valid', 'under-review', 'behind'],
    ['valid', 'issued', 'in-step'],
    ['endorsed', 'issued', 'behind'],
    ['endorsed', 'endorsed', 'in-step'],
    ['valid', 'cancelled', 'apart'],
    ['valid', 'endorsed', 'apart'],
    ['cancelled', 'issued', 'apart'],
    ['used', 'endorsed', 'apart'],
    ['replaced', 'issued', 'apart'],
  ])('with the permit %s and the lifecycle %s, the lifecycle is %s', (permit, lifecycle, standing) => {
    expect(lifecycleAgainstRecord(permit, lifecycle)).toBe(standing);
  });

  const refusal = (type: string) =>
    new WorkflowUpdateFailedError('refused', ApplicationFailure.nonRetryable('no', type));

  it.each([
    ['NotEndorsable', true],
    ['NotConfirmable', true],
    ['NotCancellable', true],
    ['NotReplaceable', true],
    ['AlreadyEndorsed', false],
    ['InvalidQuantities', false],
    ['WrongRole', false],
  ])('counts a %s refusal as one for the permit state: %s', (type, expected) => {
    expect(refusedForState(refusal(type))).toBe(expected);
  });

  it('does not count other errors as refusals', () => {
    expect(refusedForState(new Error('NotEndorsable'))).toBe(false);
    expect(refusedForState(undefined)).toBe(false);
  });
});
