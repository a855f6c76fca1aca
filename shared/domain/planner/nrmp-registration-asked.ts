import { type CatalogEntry, FEES } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { BudgetItem, Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { owedOnlyIf } from "./budget-items.ts";
import type { PlanContext } from "./context.ts";
import { dayBy, etDayOrWhen } from "./day-words.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { applyingWords, weighingNextMatch } from "./nrmp-while-weighing.ts";

/** The NRMP late registration fee as the fee table has it (official, NRMP's 2023 figure). */
const LATE_FEE_USD = (() => {
  const fee = FEES.find((candidate) => candidate.key === "nrmp_late_fee");
  if (fee === undefined || !("amountUsd" in fee)) throw new Error("fees.json has no flat nrmp_late_fee");
  return fee.amountUsd;
})();

/**
 * Whether NRMP registration is to be asked about rather than said to be missing:
 * the applicant's interview counts for the Match (interviewsAreEvidence) and they
 * never reported the step at all. Most interviewing applicants registered before the early
 * deadline; a reported not_started is believed and keeps the words that say so.
 */
export function nrmpRegistrationAsked(context: PlanContext): boolean {
  return context.entries.get("nrmp_registration") === undefined && interviewingForMatch(context);
}

/**
 * The question, for the card and the NRMP_LATE_FEE risk: "If you have not registered with NRMP yet,
 * register in R3 now (after Mon 30 Nov 2026 the $50 late fee applies); …" (Auckland: "after Tue 1 Dec
 * 2026, 5:59 PM GMT+13 (Mon 30 Nov 2026, 11:59 PM ET)"). `at` is the early
 * registration deadline (epoch ms); while it is projected the fee "may apply"
 * (a fee that hangs on a projected date is never said as fact).
 */
export function nrmpAskedWords(context: PlanContext, at: number, projected: boolean): string {
  const fee = usd(LATE_FEE_USD);
  // The early deadline in her time, with ET beside it where the days differ (etDayOrWhen), as the
  // email's date line names it: Auckland read "after Mon 30 Nov" beside "early deadline Tue 1 Dec
  // 2026, 5:59 PM GMT+13", two days for one deadline.
  const day = etDayOrWhen(context, at, dayBy(context, at));
  const after = projected
    ? `after ${day} (projected) the ${fee} late fee may apply`
    : `after ${day} the ${fee} late fee applies`;
  return `${ASKED_OPENING}, register in R3 now (${after}); you cannot certify a rank order list until you are. If you already registered, mark it done.`;
}

/** The question's opening: only the asked NRMP_LATE_FEE risk's message starts with it. */
const ASKED_OPENING = "If you have not registered with NRMP yet";

/**
 * Whether a risk is NRMP_LATE_FEE asking (nrmpAskedWords) rather than telling: read from the risk's
 * own message, so the escalation and the advisor's digest, which hold only a risk's code and
 * message (stored escalations too), word it as the plan did.
 */
export function asksNrmpRegistration(risk: Pick<Risk, "code" | "message">): boolean {
  return risk.code === "NRMP_LATE_FEE" && risk.message.startsWith(ASKED_OPENING);
}

/** The question's words, in the notice's title and the NRMP follow-ups' (one definition). */
const ASKED_QUESTION = "Registered with NRMP?";
const ASKED_REGISTER = "register in R3 now";

/** The asked risk's critical notice title ({year}: the Match): the question, then what to do if not. */
export const NRMP_ASKED_NOTICE_TITLE = `${ASKED_QUESTION} You are interviewing for the {year} Match: if not, ${ASKED_REGISTER}`;

/**
 * The asked applicant's NRMP follow-up reminders' title, in place of the catalog's "Register for
 * the NRMP Main Residency Match", which an applicant who did register ignores as done.
 */
export const NRMP_ASKED_REMINDER_TITLE = `${ASKED_QUESTION} If not, ${ASKED_REGISTER}`;

/** The NRMP registration entry under NRMP_ASKED_REMINDER_TITLE, made once (laidStep memoises by entry). */
let askedEntry: CatalogEntry | undefined;

/**
 * The catalog's NRMP registration `entry` as the asked applicant's reminders are laid from it:
 * the same step, titled as the question (NRMP_ASKED_REMINDER_TITLE).
 */
export function nrmpAskedEntry(entry: CatalogEntry): CatalogEntry {
  if (askedEntry === undefined) askedEntry = { ...entry, title: NRMP_ASKED_REMINDER_TITLE };
  return askedEntry;
}

/**
 * The asked applicant's rank order list card: planned as a registered
 * applicant's, on the condition that they did register ({rankingOpens}, {due}: step-text.ts fill).
 */
export const NRMP_ASKED_RANK_LIST_ACTION =
  "If you registered with NRMP, enter your list in R3 {rankingOpens} and certify it by {due}; if you have not registered yet, register first (see NRMP registration). If you edit it after certifying, certify it again: only a certified list counts (advice).";

/** The asked risk's title in an escalation and the advisor's digest (RISK_TITLES has the told one). */
export const NRMP_ASKED_RISK_TITLE =
  "Interviewing applicant has not told us whether they registered with NRMP (late fee, and no ranking without it)";

/**
 * An NRMP fee (registration, late fee) still to pay for an applicant asked whether they registered:
 * owed only if they have not, so it is shown "if you have not registered yet" among the fees to
 * verify, in no total (nothing they did not report is budgeted as certain). Its own flag, if any
 * (the registration fee's secondary figure), follows.
 */
export function nrmpAskedFee(item: BudgetItem): BudgetItem {
  return owedOnlyIf(`${ASKED_OPENING} (you have not told us)`, item);
}

/**
 * Why an NRMP fee is held back from the totals (budget.ts): asked about, or the next Match weighed
 * (which holds back this Match's unpaid ERAS fees too).
 */
export type NrmpHeld = "asked" | "weighing" | "-";

/**
 * This plan's NrmpHeld: nrmpRegistrationAsked first, then weighingNextMatch (the ERAS application
 * open long after programs began reviewing), which is about the applicant's own Match only
 * (`season`, the Match budgeted: a moved plan's is a later one); "-" for neither. "weighing" holds
 * back this Match's NRMP fees and its ERAS fees not yet paid alike (budget.ts), since the advice is
 * to weigh the next Match before paying either.
 */
export function nrmpHeldOf(context: PlanContext, season: SeasonCalendar): NrmpHeld {
  if (nrmpRegistrationAsked(context)) return "asked";
  return season === context.calendar && weighingNextMatch(context) ? "weighing" : "-";
}

/**
 * An NRMP fee still to pay, held back: nrmpAskedFee's when asked, or while the plan weighs the next
 * Match (nrmpWhileWeighing) "If you apply for the 2027 Match: owed only then"
 * (the card said the condition, the budget counted the fee as upcoming).
 */
export function nrmpHeldFee(context: PlanContext, held: NrmpHeld, item: BudgetItem): BudgetItem {
  if (held === "asked") return nrmpAskedFee(item);
  return owedOnlyIf(`${applyingWords(context)} (you are weighing the next one)`, item);
}
