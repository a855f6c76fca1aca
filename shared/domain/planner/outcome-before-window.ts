import { doneOpensFor, openingHour } from "../applicant-choices.ts";
import type { FieldProblem } from "../field-problems.ts";
import { type SeasonCalendar, SeasonDataError, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";

/**
 * What the intake and the CLI say of a SOAP done or a Match outcome (Match Week, Match Day) dated
 * before NRMP's hour for the snapshot's Match: an accepted SOAP offer before SOAP's first offer
 * round, "I matched" before Match Week's notification, or "where I matched" before Match Day's
 * release, cannot be true, and believing it would
 * plan a contract and a visa for an applicant who has no position. The window is Done's own
 * (doneOpensFor in applicant-choices.ts), so the intake, the console and the action page agree.
 * A date on or before the previous ERAS season's end is an earlier Match's (pastSeasonWork), not
 * refused. An undated one is the planner's to judge (SOAP_DONE_BEFORE_OFFERS).
 */
const OUTCOMES: readonly MilestoneKey[] = ["soap", "match_week", "match_day"];

/** The problem for each such milestone of a snapshot, by its path (`milestones.<index>.date`). Pure. */
export function outcomeBeforeWindowProblems(
  milestones: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
  matchYear: number,
  zone: string,
): FieldProblem[] {
  let calendar: SeasonCalendar | undefined;
  return milestones.flatMap((entry, index) => {
    if (entry.status !== "done" || entry.date === undefined || !OUTCOMES.includes(entry.key)) return [];
    try {
      calendar ??= seasonCalendar(matchYear);
    } catch (error) {
      // A season file that fails its check is the data's fault, not this milestone's: it fails the request.
      if (error instanceof SeasonDataError) throw error;
      return []; // A Match year with no calendar is refused by its own check.
    }
    if (entry.date <= calendar.dates.eras_previous_season_ends.date) return [];
    const opens = doneOpensFor(entry.key, calendar, entry.date, zone);
    if (opens?.at === undefined) return [];
    const projected = opens.status === "projected" ? " (projected)" : "";
    const what = entry.key === "soap" ? "an accepted SOAP offer" : "a Match outcome";
    return [
      {
        path: `milestones.${index}.date`,
        message: `${opens.what} ${opens.verb} ${openingHour({ ...opens, at: opens.at }, projected)}; ${what} cannot be dated before it${localDayHint(entry.date, opens.at.instant, zone)}`,
      },
    ];
  });
}

/**
 * Dates are the applicant's local days (the planner reads a dated done in their zone), so NRMP's
 * US date is refused where the release falls on the next local day (Match Day, Friday 12:00 PM ET,
 * is Saturday in Manila): the rule stays, and the message names the local date to use instead.
 * Empty where the date given is not the release's ET day.
 */
function localDayHint(date: string, instant: number, zone: string): string {
  const local = localDate(zone, instant);
  if (date !== localDate(ET_ZONE, instant) || local === date) return "";
  return `: dates here are your local dates, and in your time zone it is ${renderDate(local)}, so date it ${local} or later`;
}
