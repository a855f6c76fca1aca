import { catalogEntry, FEES, FEES_OTHER_CURRENCY, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { applies, type PlanContext, statusOf } from "./context.ts";
import { plannedDay } from "./earliest-certification.ts";
import { payeeOf } from "./fee-payee.ts";

/**
 * A step's status as the fee table reads it (fees.json `spentWhen`): an exam under way with its day
 * given (a step whose date is the applicant's, `applicantDateIsDue`) is booked, as the planner reads
 * it everywhere else (ownDateOf), and a booked exam is paid, since its fee is paid at registration,
 * before a test date can be booked (fees.json's description); so it reads as scheduled. Every other
 * status, and an exam under way with no day, reads as it is.
 */
export function feeStatusOf(context: PlanContext, key: MilestoneKey): MilestoneStatus {
  const status = statusOf(context, key);
  if (status !== "in_progress" || !catalogEntry(key).applicantDateIsDue) return status;
  return context.entries.get(key)?.date === undefined ? status : "scheduled";
}

/** The steps whose date is the applicant's (the exams and the Pathway), in catalog order. */
const DATED_STEPS: readonly MilestoneKey[] = MILESTONE_CATALOG.filter(
  (entry) => entry.applicantDateIsDue,
).map((entry) => entry.key);

/**
 * One bit per step of DATED_STEPS that feeStatusOf reads as booked while its status says under way:
 * the budget's memo key (budget-key.ts) holds statuses, not dates, so this tells its plans apart.
 */
export function bookedUnderWay(context: PlanContext): number {
  let bits = 0;
  for (let index = 0; index < DATED_STEPS.length; index++) {
    const key = DATED_STEPS[index] as MilestoneKey;
    if (feeStatusOf(context, key) !== statusOf(context, key)) bits |= 1 << index;
  }
  return bits;
}

/**
 * Whether the applicant has paid a fee of `key`'s step, by the budget's rule (fees.json
 * `spentWhen` on feeStatusOf: exams once booked, the rest once done), so a risk's fee words say what the budget
 * shows: never "pay no …" or "before you pay …" for a fee already paid, and never silence about one
 * that is. False for a step with no fee.
 */
export function feePaid(context: PlanContext, key: MilestoneKey): boolean {
  const status = feeStatusOf(context, key);
  return FEES.some((fee) => fee.milestone === key && fee.spentWhen.includes(status));
}

/** The fees paid behind the school gate, in words: what was paid to whom, whom to ask, and about what. */
export interface PaidGatedFees {
  /** "your OET Medicine test fee to OET", or several with each body: "your A (to ECFMG) and your B (to FSMB)". */
  fees: string;
  /** The one body that took them all ("OET"; "that body" when it is one of two), else "each body". */
  payees: string;
  /** "that money", or with several bodies "the fee it took". */
  money: string;
}

/**
 * The fees paid (feePaid's rule) for the steps that need an ECFMG-eligible school, each named as a
 * sentence names it with the body that took it (fees.json `paidTo`: OET's fee is OET's, a USMLE
 * exam's FSMB's, never all ECFMG's), for the ineligible school's words; null when none is paid.
 * Fees in another currency are named too.
 */
export function paidGatedFees(context: PlanContext): PaidGatedFees | null {
  const paid: { fee: string; body: string }[] = [];
  for (const fee of [...FEES, ...FEES_OTHER_CURRENCY]) {
    const entry = catalogEntry(fee.milestone);
    if (!entry.needsEcfmgEligibleSchool || !applies(context, entry)) continue;
    if (!fee.spentWhen.includes(feeStatusOf(context, fee.milestone))) continue;
    const day = context.entries.get(fee.milestone)?.date;
    const within = "paidWithinDays" in fee ? fee.paidWithinDays : undefined;
    paid.push({ fee: fee.paidTo.fee, body: payeeOf(fee.paidTo, day, within) });
  }
  const first = paid[0];
  if (first === undefined) return null;
  if (paid.every((fee) => fee.body === first.body))
    return {
      fees: `${listed(paid.map((fee) => fee.fee))} to ${first.body}`,
      // "ECFMG or FSMB, whichever registered you" is said once: then "that body".
      payees: first.body.includes(",") ? "that body" : first.body,
      money: "that money",
    };
  return {
    fees: listed(paid.map((fee) => `${fee.fee} (to ${fee.body})`)),
    payees: "each body",
    money: "the fee it took",
  };
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Whether Step 3's trip is over: Step 3 done, or its booked day gone by (a whole day, as its card reads
 * it: ownDateOf). The B-1/B-2 visitor visa for that trip is then spent, paid or not needed (held
 * already), never still to pay (it read "upcoming $185" beside "Did you take it?").
 */
export function step3TripOver(context: PlanContext): boolean {
  if (statusOf(context, "usmle_step3") === "done") return true;
  const day = plannedDay(context, "usmle_step3");
  return day !== null && day + DAY_MS <= context.now;
}
