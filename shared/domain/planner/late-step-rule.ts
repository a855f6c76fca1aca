import type { Risk } from "../plan.ts";
import type { SeasonDateKey } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { ErasPlanned } from "./eras-planned-day.ts";
import type { NextMatch } from "./next-match.ts";

/** What a rule's message is given: the season date (with "(projected)" when it is) and the rank order list deadline as shown. */
export interface Said {
  date: string;
  rol: string;
  /** The season date is projected: what follows from it is stated as "may", to check with the authority. */
  projected: boolean;
  /** The plan's Match year. */
  matchYear: number;
  /** ERAS_LATE_SUBMISSION: the application planned for a day (a risk made for this plan alone, never shared). */
  planned?: ErasPlanned;
}

/**
 * A season date whose passing costs an applicant with the step still open: money (NRMP's late
 * registration fee) or standing (programs begin reviewing ERAS applications).
 */
export interface LateStepRule {
  code: "NRMP_LATE_FEE" | "ERAS_LATE_SUBMISSION";
  milestone: MilestoneKey;
  dateKey: SeasonDateKey;
  /**
   * How long the rule speaks: until the rank order list deadline (late registration closes with
   * it), or until the season is over for the applicant (a certified list keeps it open).
   */
  until: "rank-order-list-deadline" | "season-over";
  /** Severity once the date has passed; the warning before it is always "warning". */
  passedSeverity: Risk["severity"];
  passed: (said: Said) => string;
  /** Sources the message rests on besides the season date's (Risk.sources). */
  sources: readonly string[];
  /**
   * Once the date has passed and the applicant has an interview for this Match
   * (interviewingForMatch): what is at stake is the Match itself, not only the fee, so the risk is
   * pressing.
   */
  interviewing?: { severity: Risk["severity"]; passed: (said: Said) => string };
  /** Within WARNING_WITHIN_DAYS before the date. */
  coming: (said: Said) => string;
  /** Long past the date, when the advice changes (e.g. most interview invitations are out). */
  wellPast?: {
    afterDays: number;
    /**
     * `paid`: the fee of `paidStep` is paid (feePaid, the budget's rule), so the words name only
     * the fees still to pay and what becomes of the one paid.
     */
    passed: (said: Said, next: NextMatch, paid: boolean) => string;
    paidStep: MilestoneKey;
    sources: readonly string[];
  };
}
