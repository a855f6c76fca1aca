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
 * MATCH_DAY_NOT_REPORTED in the advisor's voice, saying only what the applicant told us: "certified
 * a rank order list" when she reported it done; "neither whether … nor where" when she never did
 * (an advisor told she ranked chases a contract; one told she may never have ranked checks R3 and
 * the next Match); without her answers at hand, nothing about the list. Pure.
 */
export function matchDayUnreportedVoice(about: {
  fullName: string;
  visa: Visa;
  rankListReported?: boolean | undefined;
}): string {
  const { fullName, visa, rankListReported: reported } = about;
  const told =
    reported === true
      ? `${fullName} certified a rank order list, but has not said where they matched`
      : reported === false
        ? `${fullName} has told us neither whether they certified a rank order list nor whether or where they matched`
        : `${fullName} has not said where they matched`;
  return `${told}, though Match Day was over a week ago; the ${contractSteps(visa)} are waiting.`;
}
