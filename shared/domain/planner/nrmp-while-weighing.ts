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
const PATHWAY = stepIndex("ecfmg_pathway");

/**
 * Whether an ECFMG Pathway not started is a fee the plan weighs (weighingNextMatch): ECFMG ties a
 * Pathway to one season's Match, so every push to submit and pay it (MATCH_YEAR_LAST_DAY, its
 * notice's title, the card, its reminders) first says to weigh the next Match (weighPathwayWords).
 */
export function pathwayWhileWeighing(context: PlanContext): boolean {
  return statusAt(context, PATHWAY) === "not_started" && weighingNextMatch(context);
}

/**
 * ECFMG ties a Pathway to one season's Match: an accepted one stayed valid "for the 2024 Match and for
 * entry into U.S. GME programs in 2024" (its Pathways page, PATHWAY_MATCHED_VALIDITY_SOURCE), and a
 * later Match takes that season's Pathways application, which also takes revalidations of an expired
 * or expiring Pathway (its notice of 19 Aug 2025 on the 2026 Pathways, PATHWAYS_REVALIDATION_SOURCE).
 * No fee is named: the Pathway's is not in our data. The one sentence every Pathway push carries
 * while the plan weighs (pathwayWhileWeighing); `year` is the plan's Match.
 */
export function weighPathwayWords(year: number): string {
  return `Without an ERAS application this late, weigh the ${year + 1} Match before you pay the Pathway or ERAS fees (see the ERAS warning): ECFMG ties a Pathway to one season's Match, and the ${year + 1} Match takes that season's Pathways application`;
}

/** The title of a Pathway push while the plan weighs, before its own words ({year}, {next} filled by the notice). */
export const PATHWAY_WEIGH_TITLE =
  "No ERAS application this late: weigh the {next} Match before you pay for a {year} ECFMG Pathway";

const weighingPathwayEntries = new Map<number, CatalogEntry>();

/** The Pathway's `entry` titled PATHWAY_WEIGH_TITLE for the Match `year` (its reminders), made once a year. */
export function pathwayWeighingEntry(entry: CatalogEntry, year: number): CatalogEntry {
  let titled = weighingPathwayEntries.get(year);
  if (titled === undefined) {
    const title = PATHWAY_WEIGH_TITLE.replace("{next}", String(year + 1)).replace("{year}", String(year));
    titled = { ...entry, title };
    weighingPathwayEntries.set(year, titled);
  }
  return titled;
}

/**
 * A paid step's card (the ERAS token, the ERAS application, NRMP registration) on the condition the
 * plan weighs (weighingNextMatch): ERAS_LATE_SUBMISSION says to weigh the next Match before paying
 * ERAS fees, so no card beside it pushes a fee unconditionally ("If you apply for the 2027 Match:
 * …; if you move to the 2028 Match, pay no 2027 … fee"), whatever its status's words. A text that
 * already says the condition (nrmpWeighingAction's), a step done, or any other step: `text` as is.
 * A Pathway not started says weighPathwayWords first, then its own words on that condition.
 */
export function paidStepWhileWeighing(context: PlanContext, key: string, text: string): string {
  if (key === "ecfmg_pathway") {
    const year = context.calendar.matchYear;
    if (!pathwayWhileWeighing(context) || text.startsWith(weighPathwayWords(year))) return text;
    return `${weighPathwayWords(year)}. Should you still apply for the ${year} Match: ${lowerFirst(text)}`;
  }
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

/**
 * The Pathway's card, whatever branch wrote it (step-action.ts), weighed first as paidStepWhileWeighing
 * says, when it is dated for the plan's own Match (`year`); a card of a later Match's Pathway as is.
 */
export function weighedPathwayCard(context: PlanContext, year: number, text: string): string {
  return year === context.calendar.matchYear ? paidStepWhileWeighing(context, "ecfmg_pathway", text) : text;
}
