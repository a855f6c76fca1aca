import { BoundedMemo } from "../bounded-memo.ts";
import { FEES_TO_VERIFY, type FeeToVerify } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { livesOutsideUs } from "./h1b.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { addSource } from "./risk-sources.ts";

/**
 * H1B_PROCLAMATION_FEE: an H-1B applicant whose time zone is outside the US would need a new
 * petition from abroad, which the September 2025 proclamation ties to a $100,000 payment by the
 * employer (secondary, flagged verify in fees.json): programs may then not sponsor it; once the
 * contract is signed, what to ask the program. A warning, not critical: whether it is extended past its first 12 months and whether physicians get
 * national-interest exceptions was not found. Nothing once the H-1B is done. In a US zone, its own
 * words (inUsRisk) until the route is settled as a change of status.
 */
export function proclamationRisks(context: PlanContext): Risk[] {
  if (!proclamationApplies(context)) return [];
  // Once the contract is signed the program is known: ask it, not "as soon as you know it".
  const phase: Phase = isFinished(statusOf(context, "contract"))
    ? "signed"
    : context.now > context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
      ? "closed"
      : "open";
  const risk = livesOutsideUs(context)
    ? proclamationRisk(context.zone, lapsed(context) ? `${phase}-lapsed` : phase)
    : inUsRisk(lapsed(context));
  return risk === null ? [] : [risk];
}

/**
 * Whether the proclamation's payment concerns this applicant: on the H-1B track, the petition not yet
 * approved, and the route not settled as a change of status (changeOfStatus: in the US with the
 * stamping waived; outside the US a new petition always concerns it). The fact sheet's proclamation row (secondary reports of USCIS's 20 Oct 2025 guidance, the
 * stamping's `waivable` note) exempts an in-US change of status, not a petition asking for consular
 * notification, which the program may choose for someone in the US too. The one rule for the risk
 * (proclamationRisks) and the budget's row to verify (a Chicago applicant had the row with no risk).
 */
export function proclamationApplies(context: PlanContext): boolean {
  return (
    context.applicant.visa === "H-1B" &&
    !isFinished(statusOf(context, "visa_h1b")) &&
    !changeOfStatus(context)
  );
}

/**
 * Whether the budget lists `fee` to verify as far as the proclamation goes: its $100,000 row only
 * where the risk is raised (proclamationApplies), every other fee as before.
 */
export function proclamationRowListed(context: PlanContext, fee: FeeToVerify): boolean {
  return fee !== PROCLAMATION_FEE || proclamationApplies(context);
}

/**
 * The proclamation risk depends only on the zone and whether the rank order list has closed (the
 * fee is a catalog constant; after the deadline it speaks of the program matched, not of ranking), so
 * it is built once per zone and phase and frozen, and plans share it: `toLocaleString` builds an
 * Intl.NumberFormat on every call, which cost about a tenth of a full plan, and the risk's record
 * and its source text were then still made per plan. Bounded like the other per-zone memos.
 */
type Phase = "open" | "closed" | "signed";
/** A phase as the words read it: after the stated end (`-lapsed`, STATED_END) or before. */
type Reading = Phase | `${Phase}-lapsed`;
// Per zone, a Map by reading: a record per zone took its properties in the order the plans met the
// readings, so zones had different shapes and the look-up by reading was a megamorphic keyed load.
const proclamationRiskMemo = new BoundedMemo<string, Map<Reading, Risk | null>>(1_000);
const PROCLAMATION_FEE = FEES_TO_VERIFY.find((candidate) => candidate.key === "h1b_proclamation_100k");
function proclamationRisk(zone: string, phase: Reading): Risk | null {
  // Keyed by the zone itself, not a key text made per plan: hashing that showed in the profile.
  let byPhase = proclamationRiskMemo.get(zone);
  if (byPhase === undefined) byPhase = proclamationRiskMemo.keep(zone, new Map());
  const known = byPhase.get(phase);
  if (known !== undefined) return known;
  const fee = PROCLAMATION_FEE;
  const risk: Risk | null =
    fee === undefined || fee.amountUsd === null
      ? null
      : Object.freeze<Risk>({
          code: "H1B_PROCLAMATION_FEE",
          severity: "warning",
          message: `Your time zone (${zone}) says you are outside the US, so a program would file a new H-1B petition for you: the September 2025 proclamation ${phase.endsWith("-lapsed") ? "asked" : "asks"} the employer for a one-time $${fee.amountUsd.toLocaleString("en-US")} payment on new petitions for people outside the US without a valid H-1B visa${phase.endsWith("-lapsed") ? `; ${LAPSED}` : ""}. ${PHASE_WORDS[phase]} This is ${fee.verify}.`,
          milestones: ["visa_h1b"],
          sources: [`secondary: ${fee.source} (${fee.asOf})`],
        });
  byPhase.set(phase, risk);
  return risk;
}

/**
 * The proclamation's stated end: in force from 12:01 a.m. EDT on 21 Sep 2025, it "lasts 12 months
 * unless extended" (the fact sheet's "H-1B $100,000 proclamation" row, from 2025-09-21; the fee's
 * source). From that day on (00:00 EDT), as the plan's now says, the words are past tense and
 * conditional, since whether it was extended was not found.
 */
const STATED_END = Date.parse("2026-09-21T04:00:00Z");
const LAPSED =
  "it was set to lapse on 21 Sep 2026 unless extended; check with your program whether it still applies";

/** Whether the plan's now is on or after the proclamation's stated end (STATED_END). */
function lapsed(context: PlanContext): boolean {
  return context.now >= STATED_END;
}

/** What the applicant does about it: before ranking, after it, and once the contract names the program. */
const PHASE_WORDS: Record<Reading, string> = {
  open: "Many programs may not sponsor an H-1B on those terms; ask each program before you rank it, and keep J-1 programs on your list.",
  closed:
    "The program you match with may not file an H-1B petition on those terms: ask it as soon as you know it how it will sponsor you, and whether a J-1 through ECFMG is the way if it will not.",
  signed:
    "Ask your program's immigration office whether the proclamation applies to its petition for you and whether it seeks a national-interest exception, and whether a J-1 through ECFMG is the way if it will not file on those terms.",
  "open-lapsed":
    "If it still applies, many programs may not sponsor an H-1B on those terms; ask each program before you rank it, and keep J-1 programs on your list.",
  "closed-lapsed":
    "If it still applies, the program you match with may not file an H-1B petition on those terms: ask it as soon as you know it how it will sponsor you, and whether a J-1 through ECFMG is the way if it will not.",
  // Already conditional ("whether the proclamation applies"): no "If it still applies" before it.
  "signed-lapsed":
    "Ask your program's immigration office whether the proclamation applies to its petition for you and whether it seeks a national-interest exception, and whether a J-1 through ECFMG is the way if it will not file on those terms.",
};

/**
 * The risk for an applicant in a US zone whose route is not settled: the payment is reported to
 * apply to a petition asking for consular notification, not to a change of status approved in the
 * US (the fee's source, the one the abroad risk cites), so the route is settled with the program
 * before it files; staying in the US while a change of status is pending is advice, labelled so in
 * `sources` (a message carries no basis label). Before or after the stated end
 * (STATED_END); built once each, as the abroad risk is per zone.
 */
const IN_US_ADVICE =
  "advice: settle the route with the program before it files, and do not leave the US while a change of status is pending; ask the program before any trip abroad";

function inUsRisk(isLapsed: boolean): Risk | null {
  return isLapsed ? IN_US_LAPSED : IN_US;
}

function inUsRiskOf(isLapsed: boolean): Risk | null {
  const fee = PROCLAMATION_FEE;
  if (fee === undefined || PROCLAMATION_AMOUNT === null) return null;
  return Object.freeze<Risk>({
    code: "H1B_PROCLAMATION_FEE",
    severity: "warning",
    message: `The September 2025 proclamation ${isLapsed ? "asked" : "asks"} the employer for a one-time ${PROCLAMATION_AMOUNT} payment on new H-1B petitions${isLapsed ? `; ${LAPSED}` : ""}. In the US, the payment is reported to apply to a petition that asks for consular notification (the visa stamped abroad) and not to a change of status approved in the US, so settle the route with your program before it files, and do not leave the US while a change of status is pending. This is ${fee.verify}.`,
    milestones: ["visa_h1b"],
    sources: [`secondary: ${fee.source} (${fee.asOf})`, IN_US_ADVICE],
  });
}

/**
 * The proclamation (leading space) for VISA_UNDECIDED's H-1B side, before and after the rank order
 * list deadline, from the same fee entry as H1B_PROCLAMATION_FEE (one source of truth), with its
 * flagged-verify status, citing it in `sources` (it was left out once Step 3 was passed, and after
 * the deadline). Abroad, one sentence on a new petition for someone outside the US; in the US, the
 * in-US risk's own words (inUsRisk), since a program may ask for consular notification for someone
 * in the US too and the route is not settled before the visa track is. "" without the fee entry.
 */
export function proclamationNote(context: PlanContext, sources: string[]): string {
  const fee = PROCLAMATION_FEE;
  if (fee === undefined || PROCLAMATION_AMOUNT === null) return "";
  if (!livesOutsideUs(context)) {
    const risk = inUsRisk(lapsed(context));
    if (risk === null) return "";
    for (const source of risk.sources ?? []) addSource(sources, source);
    return ` ${risk.message}`;
  }
  addSource(sources, `secondary: ${fee.source} (${fee.asOf})`);
  if (lapsed(context))
    return ` Living outside the US, you would need a new H-1B petition, and the September 2025 proclamation asked the employer for a one-time ${PROCLAMATION_AMOUNT} payment on new petitions for people outside the US without a valid H-1B visa; ${LAPSED}: if it does, many programs may not sponsor an H-1B (${fee.verify}).`;
  return ` Living outside the US, you would need a new H-1B petition, and the September 2025 proclamation asks the employer for a one-time ${PROCLAMATION_AMOUNT} payment on new petitions for people outside the US without a valid H-1B visa, so many programs may not sponsor an H-1B (${fee.verify}).`;
}

/** "$100,000": the fee entry's amount in words, made once (toLocaleString builds a formatter per call). */
const PROCLAMATION_AMOUNT =
  PROCLAMATION_FEE?.amountUsd === undefined || PROCLAMATION_FEE.amountUsd === null
    ? null
    : `$${PROCLAMATION_FEE.amountUsd.toLocaleString("en-US")}`;

const IN_US = inUsRiskOf(false);
const IN_US_LAPSED = inUsRiskOf(true);
