import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { ownDayInTime, shiftDays } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import { step3VisaDays } from "./h1b.ts";
import { askTheProgram, IF_MATCHED_H1B, whichItFiles } from "./h1b-outcome-words.ts";
import { type MatchOutcome, matchOutcomeNow } from "./match-day-unreported.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { step3ForPetition } from "./step3-petition.ts";
import { isPetitionDate, step3DueKind } from "./step3-petition-dates.ts";

const STEP3_INDEX = stepIndex("usmle_step3");
const REPORTING_DAYS = catalogEntry("usmle_step3").reportingDays?.days ?? 0;

/**
 * An H-1B Step 3 booked (scheduled, or under way with its day given) after its petition's sit-by
 * day, that day passed: no seat can meet the day any more, so the booking leaves the H-1B for the
 * start date out of reach as an unbooked Step 3 past that day does, from the moment the day passes
 * until the result is in (the step reported done, or failed): sat, its result still lands after the
 * petition's date, so nothing has improved. `due` is Step 3's date: the sit-by day itself
 * (step3DueNow's "petition" date) or, once the sitting has passed, the petition's own date the
 * result must reach (markPetitionDate: sat, it is late when its expected result, the sitting day
 * plus the catalog's reporting allowance, comes after that date: the same day, counted forward).
 * Its row then shows no passed day as "urgent" (step3Held), VISA_NOT_READY_FOR_START leads with the
 * J-1 fallback (h1bJ1Fallback) and the card says the same (step3BookedPastWords, step3SatPastTexts).
 * The seat is paid, so its exam-day reminders and its fee stay. Returns the booked ISO day, or null
 * (the day ahead: the card asks to move the sitting before it).
 */
export function step3BookedPastPetitionDay(context: PlanContext, due: DueDate | null): string | null {
  if (context.applicant.visa !== "H-1B" || due === null) return null;
  const sat = isPetitionDate(due);
  if (!sat && step3DueKind(due) !== "petition") return null;
  if (!sat && due.at > context.now) return null;
  const given = context.entries.at(STEP3_INDEX);
  const status = statusOf(context, "usmle_step3");
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress")) return null;
  const day = startOfLocalDate(context.zone, given.date);
  // Sat (due by the petition's date): late when its result is expected after that date.
  const reaches = sat ? shiftDays(day, context.zone, REPORTING_DAYS) : day;
  if (ownDayInTime(reaches, due.at)) return null;
  return given.date;
}

/**
 * Whether Step 3 has been sat past its petition's sit-by day with its result awaited
 * (step3BookedPastPetitionDay, `due` the petition's own date the result must reach): the result
 * comes after that date, so nothing counts down to it; the card and the visa risk say so.
 */
export function step3SatPastPetition(context: PlanContext, due: DueDate | null): boolean {
  return isPetitionDate(due) && step3BookedPastPetitionDay(context, due) !== null;
}

/** Where the applicant stands with the Match for a booked Step 3's words: matched once its petition is the program's. */
function outcomeOf(context: PlanContext): MatchOutcome | null {
  return step3ForPetition(context) ? "matched" : matchOutcomeNow(context);
}

/**
 * What the card and the visa risk say alike of such a seat for the applicant's outcome: the H-1B
 * likely out of reach (on the outcome's condition) and the question to the program, which, in the
 * US, asks the route too (a change of status may leave more time). Null when the outcome is unknown.
 */
function outOfReachAsk(context: PlanContext): { reach: string; ask: string } | null {
  const outcome = outcomeOf(context);
  if (outcome === null) return null;
  const abroad = step3VisaDays(context) > 0;
  const opening = IF_MATCHED_H1B[outcome];
  const condition = opening === "" ? ", so" : `, so ${opening[0]?.toLowerCase()}${opening.slice(1, -2)},`;
  return {
    reach: `${condition} by this plan's allowances the H-1B for your start date is likely out of reach`,
    ask: `${askTheProgram(context, outcome).replace(/^A/, "a")}${whichItFiles(context, abroad)} whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (see the visa risk)`,
  };
}

/**
 * The card's words after "Your exam is on <day>, after <the sit-by day>, …" for a sitting booked
 * past that passed day (step3BookedPastPetitionDay): what the visa risk says, for the same outcome,
 * and the same question to the program; never "move it earlier" before a day that has passed, and
 * in the US no "too late before your residency starts" (a change of status may leave more time).
 * Null when the booking is not such a sitting.
 */
export function step3BookedPastWords(context: PlanContext, sitBy: DueDate | null): string | null {
  if (step3BookedPastPetitionDay(context, sitBy) === null) return null;
  const words = outOfReachAsk(context);
  if (words === null) return null;
  return `That day has passed${words.reach}. Keep your seat (take an earlier one only if it opens, and tell us the new date) and ${words.ask}.`;
}

/**
 * Step 3's status texts once a sitting booked past the petition's sit-by day has passed with its
 * result awaited (step3SatPastPetition, `due` the petition's date): the result, expected after that
 * date, is asked for when it comes, and the card says what the visa risk says (the H-1B likely out
 * of reach, the question to the program), never "by the petition's date" as if it could still meet
 * it, nor "your new date" (a later sitting is later still). `texts`: the card's texts otherwise.
 * Undefined `texts` stay undefined; null when Step 3 is not such a sitting.
 */
export function step3SatPastTexts(
  context: PlanContext,
  due: DueDate | null,
  texts: CatalogEntry["statusActions"],
): CatalogEntry["statusActions"] | null {
  if (texts === undefined || !step3SatPastPetition(context, due)) return null;
  const words = outOfReachAsk(context);
  if (words === null) return null;
  const late = `, after the petition's date in this plan, {due}${words.reach}. `;
  return {
    ...texts,
    scheduledResultPending: `Your exam was on {date}; your score is expected around {expected} (advice: scores take about {weeks} weeks to be reported)${late}Tell us the result when it comes, and ${words.ask}.`,
    scheduledPassed: `Your exam was on {date}; its score was expected about {weeks} weeks later${late}Tell us the result (or that you did not sit it) so the plan stays right, and ${words.ask}.`,
  };
}

/**
 * VISA_NOT_READY_FOR_START's words of such a seat, after the sit-by day it names as passed: the seat
 * to keep while it is ahead; once its day has passed, the result awaited, which comes too late.
 */
export function step3BookedPastRiskWords(context: PlanContext, booked: string): string {
  const day = startOfLocalDate(context.zone, booked);
  const passed = day + DAY_MS <= context.now;
  if (!passed) {
    noteRiskChange(context, day + DAY_MS); // told as sat from the next day
    return ` Your Step 3 seat on ${renderDate(booked)} comes after it: keep it (take an earlier one only if it opens), but by these allowances its result comes too late for the petition.`;
  }
  return ` Your Step 3 was booked for ${renderDate(booked)}, after it: by these allowances its result, expected around ${renderDate(shiftIsoDay(booked, REPORTING_DAYS))}, comes too late for the petition; tell us the result when it comes.`;
}

/**
 * Whether Step 3, sat (due by its petition's own date: isPetitionDate) with its result awaited, has
 * its result expected on that date's last day or later: on the day itself the seat was in time
 * (step3BookedPastPetitionDay says nothing), but a "Due" countdown would press for a score the
 * applicant cannot hasten, so, as past it, only the result's question on the day it is expected.
 */
export function step3ResultAwaitedToPetition(context: PlanContext, due: DueDate | null): boolean {
  if (context.applicant.visa !== "H-1B" || due === null || !isPetitionDate(due)) return false;
  const given = context.entries.at(STEP3_INDEX);
  const status = statusOf(context, "usmle_step3");
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress")) return false;
  const reaches = shiftDays(startOfLocalDate(context.zone, given.date), context.zone, REPORTING_DAYS);
  return shiftDays(reaches, context.zone, 1) >= due.at;
}
