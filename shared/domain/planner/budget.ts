import {
  catalogEntry,
  FEES,
  FEES_OTHER_CURRENCY,
  FEES_TO_VERIFY,
  type Fee,
  type OtherCurrencyFee,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import type { Budget, BudgetItem, OtherCurrencyItem } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { startOfLocalDate } from "../time.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { seasonIsOver } from "./season-over-risk.ts";

/**
 * ERAS fees per specialty: the tiers restart for each specialty. programsPlanned is taken as the
 * total across specialties and split evenly (the first specialties take any remainder), which is
 * an assumption stated on the budget item.
 */
export function erasProgramFees(
  fee: Extract<Fee, { kind: "eras_per_program" }>,
  programs: number,
  specialties: number,
): number {
  const perSpecialty = Math.floor(programs / specialties);
  const remainder = programs % specialties;
  let total = 0;
  for (let index = 0; index < specialties; index++) {
    const count = perSpecialty + (index < remainder ? 1 : 0);
    for (const tier of fee.tiers) {
      const upper = tier.toProgram === null ? count : Math.min(count, tier.toProgram);
      if (upper >= tier.fromProgram) total += (upper - tier.fromProgram + 1) * tier.eachUsd;
    }
  }
  return total;
}

/**
 * A fee in another currency as a budget line, built once per fee and status (the fee table is
 * constant) and shared frozen by every plan, as reminders are: a copy per plan was about 2% of the
 * planner bench's plan.
 */
const otherCurrencyItems = new Map<
  OtherCurrencyFee,
  Record<OtherCurrencyItem["status"], OtherCurrencyItem>
>();
function otherCurrencyItem(fee: OtherCurrencyFee, status: OtherCurrencyItem["status"]): OtherCurrencyItem {
  let both = otherCurrencyItems.get(fee);
  if (both === undefined) {
    const { key, label, amount, currency, display, note, basis, source, asOf } = fee;
    const item = { key, label, amount, currency, display, note, basis, source, asOf };
    both = {
      spent: Object.freeze({ ...item, status: "spent" }),
      upcoming: Object.freeze({ ...item, status: "upcoming" }),
      held: Object.freeze({ ...item, status: "held", verify: SCHOOL_CHECK.unchecked.feeHeld }),
    };
    otherCurrencyItems.set(fee, both);
  }
  return both[status];
}

/**
 * A re-applicant's fee already paid for an earlier Match season (a step of past-season.ts that was
 * reported done then): it stays in the budget as spent, beside this season's line, so the total
 * rises by the new season's fees instead of the money spent disappearing (tester s4, issue 15 item 4).
 * The amount is the fee table's (what that season charged was not recorded); NRMP's late fee is
 * not repeated (that season's early deadline is not this calendar's).
 */
function earlierSeasonItem(context: PlanContext, fee: Fee, item: BudgetItem): BudgetItem | null {
  const reported = context.pastSeasonEntries.get(fee.milestone);
  if (reported === undefined || fee.kind === "nrmp_late" || !fee.spentWhen.includes(reported.status))
    return null;
  return {
    ...item,
    key: `${fee.key}.earlier-season`,
    label: `${item.label} (paid for an earlier Match season)`,
    status: "spent",
  };
}

/**
 * A fee nobody should budget for now: its step needs an ECFMG-eligible school the applicant's is
 * not (`ineligible`), or belongs to a Match season that is over for them (catalog `seasonBound`:
 * no bill for a Match they can no longer enter, tester s7 issue 14 C5). Spent fees stay.
 */
function gated(ineligible: boolean, seasonOver: boolean, key: MilestoneKey): boolean {
  const entry = catalogEntry(key);
  return (ineligible && entry.needsEcfmgEligibleSchool) || (seasonOver && entry.seasonBound === true);
}

/**
 * Item by item from the fee table: spent once the milestone is done (exams once scheduled). A fee
 * whose milestone is gated (`ineligible`: the school has no ECFMG sponsor note and the milestone
 * needs one) is left out unless already spent, so nobody budgets for a step they cannot take; while
 * the note is unknown (`unchecked`) such a fee is shown in `toVerify` as held back, not counted.
 * Unconfirmed fees go to `toVerify`, never the totals, and so does a fee still to pay whose current
 * amount the fact sheet does not have (catalog `amountToVerify`); a flagged fee is counted at the
 * latest figure found.
 *
 * `season` is the Match the plan targets: the applicant's own, or the earliest feasible one when
 * theirs is out of reach (the early steps are then dated for it). A season-bound fee follows that
 * Match's dates, so NRMP's late fee is counted only once that Match's early registration deadline
 * has passed (issue 9, session 8: a 2027 applicant planned for 2028 was budgeted 2027's $50).
 */
export function buildBudget(
  context: PlanContext,
  ineligible: boolean,
  unchecked = false,
  season: SeasonCalendar = context.calendar,
): Budget {
  const items: BudgetItem[] = [];
  const held: BudgetItem[] = [];
  const { applicant, calendar, now } = context;
  const over = seasonIsOver(context);
  for (const fee of FEES) {
    if (!applies(context, catalogEntry(fee.milestone))) continue;
    const status = statusOf(context, fee.milestone);
    if (status === "waived") continue;
    if (gated(ineligible, over, fee.milestone) && !fee.spentWhen.includes(status)) continue;
    let amountUsd: number;
    let label = fee.label;
    let spent = fee.spentWhen.includes(status);
    if (fee.kind === "eras_per_program") {
      if (applicant.programsPlanned === 0) continue;
      amountUsd = erasProgramFees(fee, applicant.programsPlanned, applicant.specialties.length);
      label = `${fee.label}: ${applicant.programsPlanned} programs across ${applicant.specialties.length} ${applicant.specialties.length === 1 ? "specialty" : "specialties"}`;
    } else if (fee.kind === "nrmp_late") {
      const doneOn = context.entries.get("nrmp_registration")?.date;
      if (isFinished(status)) {
        // A registration made is one for the applicant's own Match: its late fee was that season's.
        const early = calendar.dates.nrmp_early_registration_deadline_late_fee_after.at;
        if (doneOn === undefined || startOfLocalDate(context.zone, doneOn) <= early) continue;
        spent = true;
      } else if (now <= season.dates.nrmp_early_registration_deadline_late_fee_after.at) {
        continue;
      }
      amountUsd = fee.amountUsd;
    } else {
      amountUsd = fee.amountUsd;
    }
    const item: BudgetItem = {
      key: fee.key,
      label,
      amountUsd,
      status: spent ? "spent" : "upcoming",
      basis: fee.basis,
      source: fee.source,
      asOf: fee.asOf,
    };
    if (fee.verify !== undefined) item.verify = fee.verify;
    if (unchecked && !spent && catalogEntry(fee.milestone).needsEcfmgEligibleSchool) {
      item.verify = SCHOOL_CHECK.unchecked.feeHeld;
      held.push(item);
      continue;
    }
    // No current figure on the fact sheet (NRMP's registration fee): listed, not counted, until
    // paid (tester s9 issue 14 C2: a "to verify" row was counted in "Still to pay").
    if (fee.amountToVerify === true && !spent) held.push(item);
    else items.push(item);
    const earlier = earlierSeasonItem(context, fee, item);
    if (earlier !== null) items.push(earlier);
  }
  const toVerify: BudgetItem[] = held;
  for (const fee of FEES_TO_VERIFY) {
    const relevant = fee.milestones.some(
      (key) =>
        applies(context, catalogEntry(key)) &&
        !gated(ineligible, over, key) &&
        statusOf(context, key) !== "waived",
    );
    if (!relevant) continue;
    toVerify.push({
      key: fee.key,
      label: fee.amountUsd === null ? `${fee.label} (amount not found)` : fee.label,
      amountUsd: fee.amountUsd ?? 0,
      status: "upcoming",
      basis: fee.basis,
      source: fee.source,
      asOf: fee.asOf,
      verify: fee.verify,
    });
  }
  const otherCurrency: OtherCurrencyItem[] = [];
  for (const fee of FEES_OTHER_CURRENCY) {
    if (!applies(context, catalogEntry(fee.milestone))) continue;
    const status = statusOf(context, fee.milestone);
    const spent = fee.spentWhen.includes(status);
    // As for USD fees: nothing for a waived step or one behind the gate; one waiting on WDOMS is
    // listed as held back, in no total.
    if (status === "waived") continue;
    if (!spent && gated(ineligible, over, fee.milestone)) continue;
    const held = !spent && unchecked && catalogEntry(fee.milestone).needsEcfmgEligibleSchool;
    otherCurrency.push(otherCurrencyItem(fee, spent ? "spent" : held ? "held" : "upcoming"));
  }
  let spentUsd = 0;
  let upcomingUsd = 0;
  for (const item of items) {
    if (item.status === "spent") spentUsd += item.amountUsd;
    else upcomingUsd += item.amountUsd;
  }
  const budget: Budget = {
    currency: "USD",
    items,
    spentUsd,
    upcomingUsd,
    totalUsd: spentUsd + upcomingUsd,
    toVerify,
  };
  if (otherCurrency.length > 0) budget.otherCurrency = otherCurrency;
  return budget;
}
