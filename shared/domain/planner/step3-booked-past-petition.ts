import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { ownDayInTime } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import { step3VisaDays } from "./h1b.ts";
import { ASK_THE_PROGRAM, IF_MATCHED_H1B, whichItFiles } from "./h1b-outcome-words.ts";
import { type MatchOutcome, matchOutcomeNow } from "./match-day-unreported.ts";
import { step3ForPetition } from "./step3-petition.ts";
import { step3DueKind } from "./step3-petition-dates.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * An H-1B Step 3 booked (scheduled, or under way with its day given) after its petition's sit-by
 * day `sitBy` (step3DueNow's "petition" date), that day passed and the sitting still ahead: no
 * seat can meet the day any more, so the booking leaves the H-1B for the start date out of reach
 * as an unbooked Step 3 past that day does. Its row then shows no passed day as "urgent" (step3Held),
 * VISA_NOT_READY_FOR_START leads with the J-1 fallback (h1bJ1Fallback) and the card says the same
 * (step3BookedPastWords). The seat is paid, so its exam-day reminders and its fee stay. Returns
 * the booked ISO day, or null (the day ahead: the card asks to move the sitting before it).
 */
export function step3BookedPastPetitionDay(context: PlanContext, sitBy: DueDate | null): string | null {
  if (context.applicant.visa !== "H-1B" || sitBy === null || step3DueKind(sitBy) !== "petition") return null;
  if (sitBy.at > context.now) return null;
  const given = context.entries.at(STEP3_INDEX);
  const status = statusOf(context, "usmle_step3");
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress")) return null;
  const day = startOfLocalDate(context.zone, given.date);
  // Sat: its result is awaited, and the card asks for it.
  if (day + DAY_MS <= context.now || ownDayInTime(day, sitBy.at)) return null;
  return given.date;
}

/** Where the applicant stands with the Match for a booked Step 3's words: matched once its petition is the program's. */
function outcomeOf(context: PlanContext): MatchOutcome | null {
  return step3ForPetition(context) ? "matched" : matchOutcomeNow(context);
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
  const outcome = outcomeOf(context);
  if (outcome === null) return null;
  const abroad = step3VisaDays(context) > 0;
  const opening = IF_MATCHED_H1B[outcome];
  const condition = opening === "" ? ", so" : `, so ${opening[0]?.toLowerCase()}${opening.slice(1, -2)},`;
  return `That day has passed${condition} by this plan's allowances the H-1B for your start date is likely out of reach. Keep your seat (take an earlier one only if it opens, and tell us the new date) and ${ASK_THE_PROGRAM[outcome].replace(/^A/, "a")}${whichItFiles(context, abroad)} whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (see the visa risk).`;
}

/** VISA_NOT_READY_FOR_START's words of such a seat, after the sit-by day it names as passed. */
export function step3BookedPastRiskWords(booked: string): string {
  return ` Your Step 3 seat on ${renderDate(booked)} comes after it: keep it (take an earlier one only if it opens), but by these allowances its result comes too late for the petition.`;
}
