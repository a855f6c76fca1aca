import type { CatalogEntry } from "../catalog/index.ts";
import { DAY_MS } from "../time.ts";
import { INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { lowerFirst } from "./lower-first.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const ERAS_APPLICATION = stepIndex("eras_application");
const NRMP_REGISTRATION = stepIndex("nrmp_registration");

/**
 * Whether ERAS_LATE_SUBMISSION's advice has turned from "submit now" to "weigh the next Match": the
 * application is open more than INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS (advice) after programs began
 * reviewing, and no interview for this Match holds the applicant to it. One definition,
 * for that risk's words, its notice's title and the NRMP words below (erasSubmissionWellPast).
 */
export function erasWellPast(context: PlanContext): boolean {
  return context.now > wellPastFrom(context) && !interviewingForMatch(context);
}

function wellPastFrom(context: PlanContext): number {
  const reviewing = context.calendar.dates.eras_programs_may_review_applications_and_mspe.at;
  return reviewing + INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS * DAY_MS;
}

/**
 * Whether NRMP registration is said on the condition the plan weighs:
 * the ERAS application still open and erasWellPast, so ERAS_LATE_SUBMISSION tells the
 * applicant to weigh the next Match before paying ERAS fees; NRMP registration still open. The
 * card, its reminders' titles and NRMP_LATE_FEE then say "if you apply for this Match, register …;
 * if you move to the next Match, pay no NRMP fee for this one" (the moved plans' words,
 * feasibility-risk.ts), never an unconditional push to pay beside that advice.
 */
export function nrmpWhileWeighing(context: PlanContext): boolean {
  return !isFinished(statusAt(context, NRMP_REGISTRATION)) && weighingNextMatch(context);
}

/**
 * Whether ERAS_LATE_SUBMISSION advises weighing the next Match before paying ERAS fees: the ERAS
 * application still open and erasWellPast. The one predicate behind nrmpWhileWeighing and the
 * budget's fees of this Match held back while the plan weighs (nrmp-registration-asked.ts
 * nrmpHeldOf: NRMP's and ERAS's not yet paid).
 */
export function weighingNextMatch(context: PlanContext): boolean {
  if (isFinished(statusAt(context, ERAS_APPLICATION))) return false;
  // The words turn conditional on a day that is no step's deadline: the console re-plans then.
  noteRiskChange(context, wellPastFrom(context) + 1);
  return erasWellPast(context);
}

/** "If you apply for the 2027 Match", opening the card's and NRMP_LATE_FEE's words. */
export function applyingWords(context: PlanContext): string {
  return `If you apply for the ${context.calendar.matchYear} Match`;
}

/** "if you move to the 2028 Match, pay no 2027 NRMP fee" (the moved plans' "pay no 2027 … NRMP fee"). */
export function movingWords(context: PlanContext): string {
  const year = context.calendar.matchYear;
  return `if you move to the ${year + 1} Match, pay no ${year} NRMP fee`;
}

/**
 * The card's action before the early deadline ({due}: step-text.ts fill), or after it the catalog's
 * late action (`late`, filled) under the same condition.
 */
export function nrmpWeighingAction(context: PlanContext, late: string | null): string {
  if (late === null)
    return `${applyingWords(context)}, register with NRMP (R3) and pay the registration fee by {due}; ${movingWords(context)}.`;
  const moving = movingWords(context);
  return `${applyingWords(context)}: ${lowerFirst(late)} ${moving.charAt(0).toUpperCase()}${moving.slice(1)}.`;
}

/** The NRMP reminders' title while the plan weighs the next Match (in place of the catalog's). */
export const NRMP_WEIGHING_REMINDER_TITLE =
  "If you apply this season: register for the NRMP Main Residency Match";

let weighingEntry: CatalogEntry | undefined;

/** The catalog's NRMP registration `entry` titled NRMP_WEIGHING_REMINDER_TITLE, made once. */
export function nrmpWeighingEntry(entry: CatalogEntry): CatalogEntry {
  if (weighingEntry === undefined) weighingEntry = { ...entry, title: NRMP_WEIGHING_REMINDER_TITLE };
  return weighingEntry;
}

const ERAS_TOKEN = stepIndex("eras_token");

/**
 * A paid step's card (the ERAS token, the ERAS application, NRMP registration) on the condition the
 * plan weighs (weighingNextMatch): ERAS_LATE_SUBMISSION says to weigh the next Match before paying
 * ERAS fees, so no card beside it pushes a fee unconditionally ("If you apply for the 2027 Match:
 * …; if you move to the 2028 Match, pay no 2027 … fee"), whatever its status's words. A text that
 * already says the condition (nrmpWeighingAction's), a step done, or any other step: `text` as is.
 */
export function paidStepWhileWeighing(context: PlanContext, key: string, text: string): string {
  const index =
    key === "eras_application"
      ? ERAS_APPLICATION
      : key === "eras_token"
        ? ERAS_TOKEN
        : key === "nrmp_registration"
          ? NRMP_REGISTRATION
          : -1;
  if (index < 0 || isFinished(statusAt(context, index)) || !weighingNextMatch(context)) return text;
  const applying = applyingWords(context);
  if (text.startsWith(applying)) return text;
  const year = context.calendar.matchYear;
  const moving =
    key === "eras_token"
      ? `If you move to the ${year + 1} Match, buy no ${year} ERAS token: a token serves one ERAS season.`
      : key === "eras_application"
        ? `If you move to the ${year + 1} Match, pay no ${year} ERAS application fees.`
        : `If you move to the ${year + 1} Match, pay no ${year} NRMP fee.`;
  return `${applying}: ${lowerFirst(text)} ${moving}`;
}
