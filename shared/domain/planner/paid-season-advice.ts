import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { feePaid } from "./fees-paid.ts";
import { presumedSeasonFees } from "./presumed-fees.ts";
import { addSource } from "./risk-sources.ts";

/** ECFMG's ERAS page: the IMG token fee is non-refundable (official, facts.md §1). */
const ERAS_TOKEN_FEE_URL = "https://ecfmg.org/eras/";
/** NRMP's fee schedule: all applicant fees are non-refundable (official, 2016–17, facts.md §4). */
const NRMP_FEES_URL = "http://www.nrmp.org/match-process/match-fees/";

/** The season's fees as the paid applicant knows them, by step, in the order they are paid. */
const SEASON_FEES: readonly { key: MilestoneKey; said: string }[] = [
  { key: "eras_token", said: "ERAS token" },
  { key: "eras_application", said: "ERAS applications" },
  { key: "nrmp_registration", said: "NRMP registration" },
];

/**
 * What becomes of the season fees already paid (feePaid, the budget's rule) for the Match out of
 * reach (the paid applicant heard nothing): they count for that Match only; ECFMG's
 * token fee and NRMP's fees are non-refundable, and no refund of ERAS application fees is on the
 * fact sheet, so none is promised; the feasible Match needs its own, as the budget counts. An
 * applicant registered with NRMP is pointed to NRMP about withdrawing, whose last day is the rank
 * order list deadline (facts.md §2; `rolDeadline` writes it and cites its source). Empty when none
 * is paid. Part of MATCH_YEAR_NOT_FEASIBLE's message (notFeasibleRisk).
 */
export function paidSeasonAdvice(
  context: PlanContext,
  feasibleYear: number,
  sources: string[],
  rolDeadline: () => string,
): string {
  const year = context.calendar.matchYear;
  // Steps an interview presumed done (presumed-in-the-match.ts) were never reported: their fees are
  // the interview's suggestion, named exactly as the budget shows them presumed paid.
  const presumed = presumedSeasonFees(context);
  const paid = SEASON_FEES.filter(
    (each) => feePaid(context, each.key) && context.presumedDone?.includes(stepIndex(each.key)) !== true,
  );
  if (paid.length === 0 && presumed.length === 0) return "";
  // Each with its own number, so the verb agrees with what is named.
  const refunds: { said: string; plural: boolean }[] = [];
  if (feePaid(context, "eras_token")) {
    refunds.push({ said: "ECFMG's ERAS token fee", plural: false });
    addSource(sources, ERAS_TOKEN_FEE_URL);
  }
  if (feePaid(context, "nrmp_registration")) {
    refunds.push({ said: "NRMP's fees", plural: true });
    addSource(sources, NRMP_FEES_URL);
  }
  const refundsAre = refunds.length > 1 || refunds[0]?.plural === true ? "are" : "is";
  const rules = [
    ...(refunds.length > 0
      ? [`${refunds.map((each) => each.said).join(" and ")} ${refundsAre} non-refundable`]
      : []),
    ...(feePaid(context, "eras_application")
      ? ["Matchpath knows of no refund of ERAS application fees"]
      : []),
  ];
  const which = [
    ...(paid.length > 0 ? [`you paid (${paid.map((each) => each.said).join(", ")})`] : []),
    ...(presumed.length > 0 ? [`your interview suggests you paid (${presumed.join(", ")})`] : []),
  ].join(" and those ");
  let said = ` The ${year} fees ${which} count for the ${year} Match only: ${rules.join(", and ")}; the ${feasibleYear} Match needs its own token, applications and NRMP registration, counted in your budget.`;
  if (feePaid(context, "nrmp_registration")) {
    said += ` You are registered for the ${year} Match: ask NRMP about withdrawing from the ${year} Match in R3 by the rank order list deadline, ${rolDeadline()}, NRMP's last day for withdrawal.`;
  }
  return said;
}
