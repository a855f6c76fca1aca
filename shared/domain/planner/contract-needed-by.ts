import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { matchDayFromSoapPosition, SOAP_POSITION_WORDS } from "./soap-position.ts";
import { j1FileVerdict, visaDateHolds, visaDateOf } from "./visa-step-late.ts";

/** The visa chain's steps that wait on the program's contract (catalog prerequisites: J-1's sponsorship, H-1B's petition). */
const WAITS_ON_CONTRACT: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) =>
    entry.stage === "visa" && entry.prerequisites.some((prerequisite) => prerequisite.key === "contract"),
);

/**
 * The date the plan needs the contract by and why: the contract's next step in the visa chain and
 * the date the plan gives it, or, with no visa step waiting on it (visa "none", or the chain done),
 * `step` null and orientation's date (the ECFMG certificate's date: two weeks before residency's
 * start, our advice, since programs hold orientation before July 1).
 */
export interface ContractNeededBy {
  step: CatalogEntry | null;
  due: DueDate;
}

/**
 * The date the plan needs the contract by: the earliest date the plan gives an open step of the
 * applicant's route that waits on it (the J-1 sponsorship, the H-1B petition), each counted back
 * from residency's start by the chain's own allowances; with none (no visa needed, or the chain
 * done), orientation's date, which a program's onboarding needs the signed contract before. Null
 * only when the plan has neither date. The contract's own date (two weeks after Match Day) is our
 * advice, and programs set their own signing window (the catalog's source): past it alone, the
 * contract is a question for the program, not a start already at risk.
 */
export function contractNeededBy(context: PlanContext, dates: PlanDates): ContractNeededBy | null {
  let found: ContractNeededBy | null = null;
  for (const step of WAITS_ON_CONTRACT) {
    if (!applies(context, step) || isFinished(statusOf(context, step.key))) continue;
    const due = dates.due(step.key);
    if (due !== null && (found === null || due.at < found.due.at)) found = { step, due };
  }
  if (found === null) {
    const orientation = dates.due("ecfmg_certification");
    if (orientation !== null) found = { step: null, due: orientation };
  }
  if (found !== null) noteRiskChange(context, found.due.at);
  return found;
}

/** Who waits on the contract, as its chase (visa-behind.ts) and its overdue card say it. */
export function contractWaitingWords(needed: ContractNeededBy): string {
  return needed.step === null
    ? "your program needs it signed before orientation"
    : `your ${needed.step.advisorName} waits on it`;
}

/**
 * The contract's card once it is overdue, past the date the step waiting on it needs it by
 * (contractDueNow): the catalog's "sign it within the window it gives" reads as if time were
 * left. Its words say now, who waits, and whom to ask; the date is the row's "overdue since".
 * Undefined for any other step or status (scheduled keeps its own words), or before that date.
 * Made once per waiting step, status and SOAP position: an overdue contract is rare, its words
 * are not rebuilt per plan.
 */
export function contractOverdueAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  overdueNow: boolean,
  dates: PlanDates,
): string | undefined {
  if (entry.key !== "contract" || !overdueNow || (status !== "not_started" && status !== "in_progress"))
    return undefined;
  const needed = contractNeededBy(context, dates);
  if (needed === null) return undefined;
  // A SOAP position keeps saying first where the position comes from (soapPositionStep).
  const soap = matchDayFromSoapPosition(context);
  const made = status === "in_progress" ? (soap ? inHandSoap : inHand) : soap ? notInSoap : notIn;
  let words = made.get(needed.step);
  if (words === undefined) {
    // In progress, the contract is in hand: asking when it will be sent would not fit. With no visa
    // step waiting (none needed, or all done), orientation alone waits: no visa steps to ask about.
    const next =
      needed.step === null ? "what it needs from you before orientation" : "which visa steps come next";
    const ask =
      status === "in_progress"
        ? `Ask your program's GME office today ${next}.`
        : `If it has not reached you, ask your program's GME office today when it will send it, and ${next}.`;
    words = `${soap ? `${SOAP_POSITION_WORDS} ` : ""}Sign and return your program's contract now: ${contractWaitingWords(needed)}, and this plan's date for it has passed. ${ask}`;
    made.set(needed.step, words);
  }
  return words;
}
const notIn = new Map<CatalogEntry | null, string>();
const inHand = new Map<CatalogEntry | null, string>();
const notInSoap = new Map<CatalogEntry | null, string>();
const inHandSoap = new Map<CatalogEntry | null, string>();

/**
 * Whether a J-1 applicant's contract, among the `late` visa steps, is past the day the plan needs
 * it by (the sponsorship's) while the visa's date that day is counted back from still holds
 * (visaDateHolds) and no J-1 verdict speaks for the file (j1FileVerdict: the visa's date or the start
 * past reach). That day is our cautious back-chain from the visa's advice date, and programs send the
 * J-1 paperwork in the first week of April: a warning of what to ask, never the critical "you cannot
 * start" (critical once the visa's date is at risk). On H-1B the contract gates the petition, whose
 * filing comes near the start with premium processing: its rule stays critical.
 */
export function contractStillAwaited(
  context: PlanContext,
  late: readonly Pick<CatalogEntry, "key">[],
  needed: ContractNeededBy | null,
  dates: PlanDates,
): boolean {
  if (context.applicant.visa !== "J-1" || needed?.step == null) return false;
  if (!late.some((entry) => entry.key === "contract") || j1FileVerdict(context, dates)) return false;
  return visaDateHolds(context, needed.step, needed.due.at, dates);
}

/**
 * CONTRACT_NOT_RECEIVED (warning): the contract is past this plan's target for it (`own`, our
 * advice, the card's "aim to finish by") but not past the date the plan needs it by (contractNeededBy,
 * the card's due day), or past that date too while the visa's date it is counted back from still
 * holds (contractStillAwaited), so the advice is to ask the program's GME office, naming that date:
 * the target is told as a target, never as a day the contract was allowed until;
 * VISA_NOT_READY_FOR_START (critical) only once the start is at risk (visaStartRisks). `startWords`:
 * residency's start as the risk names it.
 */
export function contractAwaitedRisk(
  context: PlanContext,
  own: DueDate,
  needed: ContractNeededBy,
  startWords: string,
  sources: string[],
  dates: PlanDates,
): Risk {
  const ownDay = `${dueDay(context, own)}${basisMark(own)}`;
  const neededDay = `${dueDay(context, needed.due)}${basisMark(needed.due)}`;
  const visa = needed.step === null ? null : visaDateOf(needed.step, dates);
  const waiting =
    needed.step === null
      ? `Your program needs it signed before orientation, which this plan puts by ${neededDay}, two weeks before residency starts on ${startWords}: sign and return the contract before then`
      : visa !== null && needed.due.at < context.now
        ? `Your ${needed.step.advisorName} waits on it, and this plan's day for that, ${neededDay}, has passed; that day is our cautious allowance counted back from your visa's date, ${dueDay(context, visa)}${basisMark(visa)}, which still holds, but each day the contract comes later moves that step and your visa a day later toward residency starting ${startWords}: sign and return the contract this week to keep your visa's time`
        : `Your ${needed.step.advisorName} waits on it and is planned by ${neededDay} for residency starting ${startWords}: sign and return the contract before then`;
  return {
    code: "CONTRACT_NOT_RECEIVED",
    severity: "warning",
    message: `Your program's contract is not marked signed yet: this plan's target for it, ${ownDay}, has passed, but programs set their own signing window. If it has not reached you, ask your program's GME office when it will send it. ${waiting}, and tell us when it is done.`,
    milestones: ["contract"],
    sources,
  };
}
