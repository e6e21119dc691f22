/** How a period is scored. */
export interface ScoreOptions {
  /** Whether contested (pending) findings count in the totals: provisional views may, final results never do. */
  countPending: boolean;
  /** The moment results are computed for (ISO): follow-up deadlines after it are not yet due. */
  asOf?: string;
}
