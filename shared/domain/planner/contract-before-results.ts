import { projectedMark } from "../seasons/date-words.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { when } from "./day-words.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * The contract's card begun or planned before Match Day's results are out (Match Day's release, ET;
 * Match Day not reported and no SOAP position accepted, which reads Match Day done): NRMP tells the
 * applicant which program they matched with only at that hour, and that program's contract comes
 * after it, so the card says what comes then before its own words ("sign and return the contract
 * within the window your program gives" read on Match Day morning in Karachi, 13 hours before the
 * release, as if a contract could be in hand). `text`: the card's words otherwise, returned as they
 * are for any other step or status, and from the release on (a re-plan then).
 */
export function contractBeforeResults(
  context: PlanContext,
  key: MilestoneKey,
  status: MilestoneStatus,
  text: string,
): string {
  if (key !== "contract" || (status !== "in_progress" && status !== "scheduled")) return text;
  const release = context.calendar.dates.nrmp_match_day;
  if (context.now >= release.at || isFinished(statusOf(context, "match_day"))) return text;
  noteRiskChange(context, release.at);
  return `Match Day's results come out on ${when(context, release.at)}${projectedMark(release)}: only then does NRMP tell you which program you matched with, and that program's contract comes after that hour. ${text}`;
}
