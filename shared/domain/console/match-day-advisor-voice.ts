import { contractSteps } from "#domain/planner/contract-steps.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";

/**
 * Whether the applicant told us they certified a rank order list: a rank_order_list entry marked
 * done. The planner may count the list satisfied without it (a status never reported is counted
 * done until told), so the plan alone cannot say she ranked: only her own answer can.
 */
export function rankListReported(milestones: readonly Pick<MilestoneEntry, "key" | "status">[]): boolean {
  return milestones.some((entry) => entry.key === "rank_order_list" && entry.status === "done");
}

/**
 * Whether the applicant told us Monday's answer was "matched": a match_week entry marked done (the
 * product's "Matched: mark Match Week done"). Her own answer, as rankListReported: it says whether
 * she matched, not where.
 */
export function matchWeekReported(milestones: readonly Pick<MilestoneEntry, "key" | "status">[]): boolean {
  return milestones.some((entry) => entry.key === "match_week" && entry.status === "done");
}

/** What the applicant told us about her Match; undefined where her answers are not at hand. */
export interface MatchDayAnswers {
  /** Whether she reported her rank order list certified (rankListReported): else nothing is said about the list. */
  rankListReported?: boolean | undefined;
  /** Whether she reported Match Week done, i.e. that she matched (matchWeekReported). */
  matchWeekReported?: boolean | undefined;
}

/**
 * MATCH_DAY_NOT_REPORTED in the advisor's voice, saying only what the applicant told us: "told us
 * they matched but not where" when she marked Match Week done (she ranked, whatever the list's own
 * answer); "certified a rank order list" when she reported it done; "neither whether … nor where"
 * when she reported neither (an advisor told she ranked chases a contract; one told she may never
 * have ranked checks R3 and the next Match); without her answers at hand, nothing about the list. Pure.
 */
export function matchDayUnreportedVoice(about: MatchDayAnswers & { fullName: string; visa: Visa }): string {
  const { fullName, visa, rankListReported: reported, matchWeekReported: matched } = about;
  const told =
    matched === true
      ? `${fullName} told us they matched but not where`
      : reported === true
        ? `${fullName} certified a rank order list, but has not said where they matched`
        : reported === false
          ? `${fullName} has told us neither whether they certified a rank order list nor whether or where they matched`
          : `${fullName} has not said where they matched`;
  return `${told}, though Match Day was over a week ago; the ${contractSteps(visa)} are waiting.`;
}
