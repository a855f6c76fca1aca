import { basisMark } from "../date-basis.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { when } from "./day-words.ts";
import type { MatchOutcome } from "./match-day-unreported.ts";

/**
 * What VISA_NOT_READY_FOR_START (h1b-j1-fallback.ts) and Step 3's card (step3-petition-out-of-reach.ts)
 * say alike for each Match outcome, so one plan never words the same condition two ways. Before the
 * applicant has told us they matched, the program is "that" program, never "your" program; once
 * Monday's answer was "matched", they matched, only where is not known to us.
 */

/** The condition the words open with: none once matched. */
export const IF_MATCHED_H1B: Readonly<Record<MatchOutcome, string>> = {
  matched: "",
  matchedUntold: "You matched: if your program files an H-1B petition for you, ",
  matchedAhead: "You matched: if your program files an H-1B petition for you, ",
  unreported: "If you matched with a program that files an H-1B petition for you, ",
  ahead: "If you match with a program that files an H-1B petition for you, ",
  ranking: "If you match with a program that files an H-1B petition for you, ",
};

/** Whom to ask and when: before Match Day the program is not known yet, so it is asked once Match Day names it. */
export const ASK_THE_PROGRAM: Readonly<Record<MatchOutcome, string>> = {
  matched: "Ask your program today",
  matchedUntold: "Ask your program today",
  matchedAhead: "Once Match Day tells you where you matched, ask that program at once",
  unreported: "Ask that program today",
  ahead: "Once Match Day tells you where you matched, ask that program at once",
  ranking: "Before you certify your rank order list, ask each program you would rank",
};

/**
 * ASK_THE_PROGRAM for `outcome`, worded for the rank order list's status: while ranking, a list
 * already certified stands, and the programs on it are asked before the list can no longer change
 * (NRMP's rank order list deadline, projected until published: the earlier day is the one named),
 * never "before you certify" to an applicant who has.
 */
export function askTheProgram(context: PlanContext, outcome: MatchOutcome): string {
  if (outcome !== "ranking" || statusOf(context, "rank_order_list") !== "done")
    return ASK_THE_PROGRAM[outcome];
  const deadline = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (deadline.at <= context.now)
    return "Your rank order list is certified; while R3 still lets you change it, ask each program on it now";
  return `Your rank order list is certified, and you can still change it and certify it again in R3 until ${when(context, deadline.at)}${basisMark(deadline)}: before then, ask each program on it`;
}

/** Whether Match Day's release, which names the program, is still ahead for `outcome`. */
export function programUnnamed(outcome: MatchOutcome): boolean {
  return outcome === "ahead" || outcome === "matchedAhead" || outcome === "ranking";
}

/** Whether Match Day's release has passed with where they matched untold for `outcome`. */
export function placeUntold(outcome: MatchOutcome): boolean {
  return outcome === "unreported" || outcome === "matchedUntold";
}

/**
 * The route asked beside the start, in the US (`abroad` false) until the applicant said the program
 * files a change of status (the stamping waived): a change of status may leave Step 3 more time.
 */
export function whichItFiles(context: PlanContext, abroad: boolean): string {
  return !abroad && statusOf(context, "visa_h1b_stamping") !== "waived" ? " which it files, and" : "";
}
