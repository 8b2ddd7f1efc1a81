/** The baseline workflow's only activity: answers at once, touching nothing. */
export const noOpActivities = {
  async noOp(step: number): Promise<number> {
    return step;
  },
};

export type NoOpActivities = typeof noOpActivities;
