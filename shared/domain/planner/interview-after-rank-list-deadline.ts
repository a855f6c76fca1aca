import type { Risk } from "../plan.ts";
import type { Interview } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { etDayOrWhen, seasonDayOrWhen } from "./day-words.ts";
import { interviewFacts } from "./interview-facts.ts";
import { seasonMatchOf } from "./interview-in-earlier-match.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";

/** How far past the rank order list deadline an interview outside every season is read as this Match's: a year (the next season opens in September). */
const GAP_MS = 366 * 86_400_000;

/**
 * INTERVIEW_AFTER_RANK_LIST_DEADLINE (warning): the
 * interviews dated after the plan's Match's rank order list deadline but outside every interview
 * season (seasonMatchOf: before the next Match's, which INTERVIEW_IN_LATER_MATCH asks about), while
 * that deadline, or its later candidate where the date is projected, is ahead. A program ranks only
 * applicants it interviewed before its list is certified, so the plan names each such interview and
 * the deadline, says both sides where the interview falls inside the later candidate's window (it
 * may still count if NRMP's deadline is the later one), and asks whether the date is right.
 * NO_INTERVIEW_RECORDED is then not said (risks.ts): an interview is recorded. The interview keeps
 * its reminders. Null for almost every plan after one length check and one comparison per interview.
 */
export function interviewAfterRankListDeadlineRisk(context: PlanContext): Risk | null {
  if (context.interviews.length === 0) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const later = rol.status === "projected" ? rol.latestCandidate : undefined;
  const laterAt = rolLaterCandidateAt(context.calendar) ?? rol.at; // later's instant, memoised
  if (context.now > Math.max(rol.at, laterAt)) return null;
  // Most plans' interviews are all in the season: the latest start answers for the list.
  const { starts, latest } = interviewFacts(context);
  if (latest <= rol.at) return null;
  const inWindow: string[] = [];
  const after: string[] = [];
  for (let index = 0; index < context.interviews.length; index++) {
    const interview = context.interviews[index] as Interview;
    const at = starts[index] as number;
    // Most interviews are in the season: one comparison, no words made.
    if (at <= rol.at || at > rol.at + GAP_MS || seasonMatchOf(at) !== undefined) continue;
    const named = `${interview.program.trim()} on ${renderDate(localDate(interview.timezone, at))}`;
    (at <= laterAt ? inWindow : after).push(named);
  }
  if (inWindow.length + after.length === 0) return null;
  const year = context.calendar.matchYear;
  const deadline = seasonDayOrWhen(context, rol);
  const laterWords = later === undefined ? "" : etDayOrWhen(context, laterAt, renderDate(later.date));
  const all = [...inWindow, ...after];
  const what = all.length === 1 ? "Your interview at" : "Your interviews at";
  // One group: "It"/"They", the names said once already; both: each group by name.
  const both = inWindow.length > 0 && after.length > 0;
  const subject = (names: string[]) => (both ? joined(names) : all.length === 1 ? "It" : "They");
  const sides: string[] = [];
  if (inWindow.length > 0 && later !== undefined)
    sides.push(
      `${subject(inWindow)} ${inWindow.length === 1 ? "falls" : "fall"} before the later date: if NRMP's deadline turns out to be ${renderDate(later.date)}, it may still count; if it is ${renderDate(rol.date)}, it does not`,
    );
  if (after.length > 0)
    sides.push(
      `${subject(after)} ${after.length === 1 ? "falls" : "fall"} after ${later === undefined ? "it" : "either date"}, so it cannot count for the ${year} Match`,
    );
  return {
    code: "INTERVIEW_AFTER_RANK_LIST_DEADLINE",
    severity: "warning",
    message: `${what} ${joined(all)} ${all.length === 1 ? "is" : "are"} after the ${year} Match's rank order list deadline, ${deadline}${later === undefined ? "" : ` (or ${laterWords} if NRMP's deadline is the later candidate)`}: a program can rank you only if it interviews you before it certifies its list. ${sides.join("; ")}. Is the date right? If not, correct it (the interview form); if it is, ask the program whether it will rank you in the ${year} Match. Your plan keeps the interview's reminders meanwhile.`,
    // On no step: a gate may hold the list (the interview's own reminders carry it).
    milestones: [],
    sources: [rol.source],
  };
}

/** "A", "A and B", "A, B and C". */
function joined(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
