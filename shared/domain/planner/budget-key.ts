import type { Budget } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { startOfLocalDate } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { NrmpHeld } from "./nrmp-registration-asked.ts";
import { UNSHARED_BUDGET } from "./other-currency-paid.ts";
import type { Step3FeeWait } from "./step3-fee-waits.ts";

/**
 * The memo of budgets (buildBudget in budget.ts): a budget reads no personal data and only a few
 * facts of the applicant, so many plans share one. Its key is what budgetOf reads besides the
 * static fee table: the calendar and planned season, the flags (ineligible, unchecked, the Match
 * over, NRMP's late fee, NRMP registration asked about, H-1B in a US zone, a zone outside the US
 * and Canada, why Step 3's fee waits and whether the visitor visa is asked for before the certificate, the exams under way read as booked), the visa (which steps apply), a couple (NRMP's couples fee), the programs
 * planned and specialties, and
 * every step's status, the steps presumed done (presumed-in-the-match.ts: their fees read "presumed
 * paid", and a plan moved to a later Match has them), the steps with a fee read as done only because
 * a later step needs them (impliedPaidSteps: presumed paid too), and the span of each fee's history its step's
 * day falls in. `now` enters only through the facts it decides, never as itself. A plan
 * with an earlier season's steps or a failed score is not memoised (rare).
 *
 * A fixed table of slots found by a hash of the key and checked field by field, not a Map keyed by
 * text: building and hashing a key text per plan cost as much as the budget itself (planner
 * bench). A slot holds the last budget hashed to it, so the memo is bounded by BUDGET_SLOTS.
 */
interface KnownBudget {
  calendar: SeasonCalendar;
  season: SeasonCalendar;
  flags: number;
  visa: string;
  /** applicant.couplesMatch: NRMP's couples fee. */
  couple: boolean;
  programs: number;
  specialties: number;
  statuses: readonly MilestoneStatus[];
  /** context.presumedDone as a bit per catalog index (presumedBits). */
  presumed: number;
  /** The spans of the fees' histories the steps' days fall in (fee-in-force.ts spansKey). */
  spans: number;
  /** The steps with a fee read as done only because a later step needs them (impliedPaidSteps). */
  implied: number;
  budget: Budget;
}

const BUDGET_SLOTS = 1024;
const knownBudgets: (KnownBudget | undefined)[] = new Array(BUDGET_SLOTS).fill(undefined);

/** The key's flags as one small integer. */
export function budgetFlags(
  ineligible: boolean,
  unchecked: boolean,
  matchOver: boolean,
  lateFee: LateFee,
  nrmpHeld: NrmpHeld = "-",
  h1bInUs = false,
  testsAbroad = false,
  step3Waits: Step3FeeWait = "-",
  booked = 0,
  visitorVisa = false,
  tripOver = false,
  visaOutOfWait = false,
): number {
  return (
    (ineligible ? 1 : 0) |
    (unchecked ? 2 : 0) |
    (matchOver ? 4 : 0) |
    LATE_FEE_BITS[lateFee] |
    (nrmpHeld === "asked" ? 64 : nrmpHeld === "weighing" ? 128 : 0) |
    (h1bInUs ? 256 : 0) | // the H visa fee is to verify in the US (h1b-in-us.ts)
    (testsAbroad ? 512 : 0) | // the USMLE surcharge, outside the US and Canada only
    // Why Step 3's fee waits, if it does (step3FeeWait).
    (STEP3_WAIT_BITS[step3Waits] << 10) |
    // The visitor visa, asked for before the certificate, is not held with Step 3 (visaOutOfStep3Wait:
    // it moves with `now`); a bit of its own, beside the wait, since either wait ("certificate",
    // "blocked") may stand with it (one value for both shared a budget between them).
    (visaOutOfWait ? 1 << 28 : 0) |
    (visitorVisa ? 1 << 30 : 0) | // Step 3's visitor visa asked for (budget.ts)
    (tripOver ? 1 << 29 : 0) | // Step 3's trip over, its visitor visa spent (step3TripOver)
    (booked << 13) // exams under way with their day given, read as booked (bookedUnderWay)
  );
}

const STEP3_WAIT_BITS: Record<Step3FeeWait, number> = {
  "-": 0,
  blocked: 1,
  match: 2,
  program: 3,
  certificate: 4,
  visa: 5,
};
const LATE_FEE_BITS: Record<LateFee, number> = { "-": 0, p: 8, d: 16 };

/**
 * The steps presumed done as one integer, bit i for catalog index i: the catalog has 29 steps (a
 * test keeps MILESTONE_KEYS within 31, the bits of a small integer).
 */
export function presumedBits(context: PlanContext): number {
  const presumed = context.presumedDone;
  if (presumed === undefined) return 0;
  let bits = 0;
  for (let index = 0; index < presumed.length; index++) bits |= 1 << (presumed[index] as number);
  return bits;
}

function slotOf(
  context: PlanContext,
  season: SeasonCalendar,
  flags: number,
  spans: number,
  implied: number,
): number {
  const { applicant } = context;
  let hash = Math.imul(season.matchYear ^ (flags << 12) ^ (spans % 0x7fffffff), 0x01000193);
  hash = Math.imul(hash ^ presumedBits(context) ^ implied, 0x01000193);
  hash = Math.imul(hash ^ applicant.programsPlanned ^ (applicant.specialties.length << 16), 0x01000193);
  hash = Math.imul(hash ^ applicant.visa.charCodeAt(0), 0x01000193);
  for (let index = 0; index < context.statuses.length; index++)
    // The first letter tells the five statuses apart.
    hash = Math.imul(hash ^ (context.statuses[index] as MilestoneStatus).charCodeAt(0), 0x01000193);
  // Multiplying carries bits only upwards, so the slot (the low bits) would never see the flags or
  // the specialties, shifted above them: two plans differing only in NRMP's late fee would share a
  // slot and evict each other on every plan. MurmurHash3's finaliser folds the high bits down.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % BUDGET_SLOTS;
}

/** A budget no other plan may share: an earlier season's steps, a failed score, a day no figure is known for. */
function unshared(context: PlanContext, spans: number): boolean {
  return context.pastSeasonEntries.size > 0 || context.failedScores.length > 0 || spans === UNSHARED_BUDGET;
}

/** The budget memoised for this plan's key, if any. */
export function knownBudget(
  context: PlanContext,
  season: SeasonCalendar,
  flags: number,
  spans: number,
  implied: number,
): Budget | undefined {
  // A retake's fee lines (budget-second-items.ts) follow its failed score, not in the key (rare).
  if (unshared(context, spans)) return undefined;
  const known = knownBudgets[slotOf(context, season, flags, spans, implied)];
  if (
    known === undefined ||
    known.calendar !== context.calendar ||
    known.season !== season ||
    known.flags !== flags ||
    known.spans !== spans ||
    known.implied !== implied ||
    known.visa !== context.applicant.visa ||
    known.couple !== (context.applicant.couplesMatch === true) ||
    known.programs !== context.applicant.programsPlanned ||
    known.specialties !== context.applicant.specialties.length ||
    known.presumed !== presumedBits(context) ||
    known.statuses.length !== context.statuses.length
  )
    return undefined;
  for (let index = 0; index < known.statuses.length; index++)
    if (known.statuses[index] !== context.statuses[index]) return undefined;
  return known.budget;
}

/** Keeps `budget` (frozen: plans share it) under this plan's key; returns it. */
export function keepBudget(
  context: PlanContext,
  season: SeasonCalendar,
  flags: number,
  spans: number,
  implied: number,
  budget: Budget,
): Budget {
  if (unshared(context, spans)) return budget;
  knownBudgets[slotOf(context, season, flags, spans, implied)] = {
    calendar: context.calendar,
    season,
    flags,
    visa: context.applicant.visa,
    couple: context.applicant.couplesMatch === true,
    programs: context.applicant.programsPlanned,
    specialties: context.applicant.specialties.length,
    statuses: context.statuses.slice(),
    presumed: presumedBits(context),
    spans,
    implied,
    budget: frozen(budget),
  };
  return budget;
}

/**
 * NRMP's late fee, the one fee `now` and a date decide: "p" paid (registered after the early
 * deadline), "d" due (not registered, this season's early deadline passed), "-" none.
 */
export type LateFee = "p" | "d" | "-";
export function lateFeeDue(
  context: PlanContext,
  season: SeasonCalendar,
  next: SeasonCalendar | null,
): LateFee {
  const status = statusOf(context, "nrmp_registration");
  if (isFinished(status)) {
    // A registration made is one for the applicant's own Match: its late fee was that season's
    // (the fee table's one nrmp_late fee is NRMP registration's).
    const doneOn = context.entries.get("nrmp_registration")?.date;
    const early = context.calendar.dates.nrmp_early_registration_deadline_late_fee_after.at;
    return doneOn === undefined || startOfLocalDate(context.zone, doneOn) <= early ? "-" : "p";
  }
  return next !== null || context.now <= season.dates.nrmp_early_registration_deadline_late_fee_after.at
    ? "-"
    : "d";
}

/** The budget, its lists and their lines frozen: plans share it (budgets). */
function frozen(budget: Budget): Budget {
  for (const list of [budget.items, budget.toVerify, budget.otherCurrency]) {
    if (list === undefined) continue;
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  }
  return Object.freeze(budget);
}
