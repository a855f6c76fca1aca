import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { localDate, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay, when } from "./day-words.ts";
import { lowerFirst } from "./lower-first.ts";
import { AFTER_CLOSE_WORDS, ON_CLOSE_WORDS } from "./nrmp-late-fee-kind.ts";
import { NRMP_ASKED_NOTICE_TITLE, nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { applyingWords, movingWords, nrmpWhileWeighing } from "./nrmp-while-weighing.ts";
import { citeSeasonDate } from "./risk-sources.ts";

/**
 * A step planned (scheduled) for a day still ahead, once its deadline has passed and a later one
 * holds (NRMP: late registration closes with the rank order list deadline): whether that day is the
 * later deadline's own day in the applicant's zone (`on-close`: it falls inside that day) or after
 * it (`after-close`: the day begins once registration has closed); null for any other step, status
 * or day. The card (late-deadline.ts) and the risk (late-step-risks.ts) both ask this, so they agree.
 */
export function plannedAtClose(
  context: PlanContext,
  entry: CatalogEntry,
  close: number,
): { kind: "on-close" | "after-close"; date: string } | null {
  if (entry.lateDeadline === undefined || statusOf(context, entry.key) !== "scheduled") return null;
  const date = context.entries.at(stepIndex(entry.key))?.date;
  if (date === undefined || close < context.now) return null;
  const start = startOfLocalDate(context.zone, date);
  // Its local end, as every planned day's (a 23- or 25-hour day included): passed, did you? (scheduledPassedAction)
  if (shiftDays(start, context.zone, 1) <= context.now) return null;
  if (start >= close) return { kind: "after-close", date };
  return localDate(context.zone, close) === date ? { kind: "on-close", date } : null;
}

/** The later deadline in both zones, "(projected)" when it is: "Thu 25 Feb 2027, 3:00 AM GMT+1 (Wed 24 Feb 2027, 9:00 PM ET) (projected)". */
export function closeWords(context: PlanContext, close: number, projected: boolean): string {
  return `${when(context, close)}${projected ? " (projected)" : ""}`;
}

/**
 * The catalog's words for a step planned on or after the later deadline's day, or planned with no
 * day (`date` undefined), filled: {date}, {close}, {by} (now; on that day itself, today by its hour),
 * {dayAsked} (with no day, the question for it, but not on the closing day) and {matchYear}; undefined when the catalog has none for the case.
 */
export function plannedAtCloseAction(
  context: PlanContext,
  entry: CatalogEntry,
  close: number,
  projected: boolean,
): string | undefined {
  const late = entry.lateDeadline;
  if (late === undefined || statusOf(context, entry.key) !== "scheduled") return undefined;
  const given = context.entries.at(stepIndex(entry.key))?.date;
  const at = given === undefined ? null : plannedAtClose(context, entry, close);
  const text =
    given === undefined
      ? late.scheduledUndatedAction
      : at?.kind === "after-close"
        ? late.scheduledAfterCloseAction
        : at?.kind === "on-close"
          ? late.scheduledOnCloseAction
          : undefined;
  if (text === undefined) return undefined;
  // Planned with no day, on the closing day itself: today by its hour, no day left to ask for.
  const closeDay =
    given === undefined && localDate(context.zone, context.now) === localDate(context.zone, close);
  const today = closeDay || (given !== undefined && localDate(context.zone, context.now) === given);
  return text
    .replaceAll("{date}", given === undefined ? "" : renderDate(given))
    .replaceAll("{close}", closeWords(context, close, projected))
    .replaceAll("{by}", today ? byDay(context, close) : "now")
    .replaceAll("{dayAsked}", closeDay ? "" : "; if you cannot yet, tell us the day you plan")
    .replaceAll("{matchYear}", String(context.calendar.matchYear));
}

/**
 * Before the early deadline, NRMP registration planned for a day after late registration closes:
 * too late the day it is given, so the card says so then (plannedAtCloseAction's after-close words),
 * and that registering by the early deadline ({due}, step-text.ts fill) costs no late fee.
 * Undefined for any other step, status or day.
 */
export function nrmpAfterCloseCard(context: PlanContext, entry: CatalogEntry): string | undefined {
  if (entry.key !== NRMP.key) return undefined;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (plannedAtClose(context, entry, rol.at)?.kind !== "after-close") return undefined;
  const text = plannedAtCloseAction(context, entry, rol.at, rol.status === "projected");
  return `${text} Registered by {due}, the early registration deadline, you pay no late fee.`;
}

/**
 * NRMP registration planned for the day late registration closes or a later day, its early
 * deadline passed (a day after it: whatever the early deadline, nrmpAfterCloseCard): critical at once (the notice goes out at the next slot), since keeping that plan
 * loses the Match; the card (plannedAtCloseAction) says the same day and hour. Null otherwise.
 */
export function nrmpPlannedAtCloseRisk(context: PlanContext, earlyPassed: boolean): Risk | null {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const at = plannedAtClose(context, NRMP, rol.at);
  // Before the early deadline, only a day after registration closes (nrmpAfterCloseCard's case).
  if (at === null || (!earlyPassed && at.kind !== "after-close")) return null;
  const sources: string[] = [];
  const close = `${when(context, rol.at)}${citeSeasonDate(rol, sources)}`;
  const match = `the ${context.calendar.matchYear} Match`;
  const message =
    at.kind === "after-close"
      ? `You plan to register with NRMP on ${renderDate(at.date)}, ${AFTER_CLOSE_WORDS}, ${close}: register in R3 by then or you cannot take part in ${match}.`
      : `You plan to register with NRMP on ${renderDate(at.date)}, ${ON_CLOSE_WORDS}, ${close}, the same hour your rank order list is due: register in R3 ${localDate(context.zone, context.now) === at.date ? byDay(context, rol.at) : "now"}, or you cannot take part in ${match}.`;
  // Beside ERAS_LATE_SUBMISSION's "weigh the next Match": on the card's condition (nrmpWeighingAction).
  return Object.freeze({
    code: "NRMP_LATE_FEE",
    severity: "critical",
    message: nrmpWhileWeighing(context)
      ? `${applyingWords(context)}: ${lowerFirst(message).slice(0, -1)}; ${movingWords(context)}.`
      : message,
    milestones: Object.freeze(["nrmp_registration"]) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}

const NRMP = catalogEntry("nrmp_registration");

/**
 * NRMP_LATE_FEE's notice title where ACT_NOW's ("you are interviewing") does not fit: never
 * reported while interviewing, the question (nrmp-registration-asked.ts); planned for the day late
 * registration closes or a later one, what nrmpPlannedAtCloseRisk says. Undefined otherwise.
 */
export function nrmpLateFeeNoticeTitle(context: PlanContext): string | undefined {
  if (nrmpRegistrationAsked(context)) return NRMP_ASKED_NOTICE_TITLE;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const at = plannedAtClose(context, NRMP, rol.at);
  if (at === null) return undefined;
  // Beside ERAS_LATE_SUBMISSION's "weigh the next Match": on the same condition as the card and the risk.
  if (nrmpWhileWeighing(context))
    return at.kind === "after-close"
      ? "If you apply for the {year} Match: the day you plan to register with NRMP is after registration closes, so register by then"
      : "If you apply for the {year} Match: you plan to register with NRMP on the day registration closes, so register now";
  return at.kind === "after-close"
    ? "The day you plan to register with NRMP is after registration closes: register by then or miss the {year} Match"
    : "You plan to register with NRMP on the day registration closes: register now or miss the {year} Match";
}
