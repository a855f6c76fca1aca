/**
 * What the daily sweeper reads to find applicants whose wake-up needs repair or whose plan was
 * computed with an older season calendar (one DynamoDB table in the cloud and locally).
 */
export interface ArmedWakeUp {
  applicantId: string;
  /** The instant the stored plan says is armed. */
  at: Date;
}

export interface StalePlansPage {
  applicantIds: string[];
  /** Where the next page starts; absent when the walk reached the end. */
  cursor?: string;
}

/** Progress of the walk that brings every stored plan to the current calendars. */
export interface CalendarSweepState {
  /** Fingerprint of the calendar versions the walk brings plans to. */
  target: string;
  /** True once a walk for `target` ended with every plan re-planned. */
  complete: boolean;
  /** Where an unfinished walk continues. */
  cursor?: string;
  updatedAt: string;
}

export interface SweepIndex {
  /** Applicants whose stored plan has a wake-up armed at or before `instant`, oldest first. */
  listWakeUpsDueBefore(instant: Date): Promise<ArmedWakeUp[]>;

  /**
   * One page of applicants whose stored plan carries no calendar version or one not in `current`.
   * `limit` bounds the items examined for the page, not the matches.
   */
  listPlansNotOnCalendars(
    current: readonly string[],
    page: { cursor?: string; limit: number },
  ): Promise<StalePlansPage>;

  loadCalendarSweep(): Promise<CalendarSweepState | undefined>;
  saveCalendarSweep(state: CalendarSweepState): Promise<void>;
}
