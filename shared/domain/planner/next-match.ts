import { seasonCalendar } from "../seasons/index.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { citeSeasonDate } from "./risk-sources.ts";

/** The next Match as an applicant weighing it would: its year and when ERAS applications open. */
export interface NextMatch {
  matchYear: number;
  /** When applicants may first submit, as shown, with "(projected)" when it is. */
  submit: string;
  /** That instant. */
  submitAt: number;
}

/**
 * The Match after the plan's, with the day its ERAS applications may first be submitted (season
 * date `eras_applicants_may_submit`, cited into `sources`, projected as the calendar has it): what
 * a late ERAS applicant (ERAS_LATE_SUBMISSION) and a delayed start past its follow-ups
 * (START_DELAYED) are told to weigh.
 */
export function nextMatch(context: PlanContext, sources: string[]): NextMatch {
  const matchYear = context.calendar.matchYear + 1;
  const submit = seasonCalendar(matchYear).dates.eras_applicants_may_submit;
  const cited = citeSeasonDate(submit, sources);
  return { matchYear, submit: `${dayBy(context, submit.at)}${cited}`, submitAt: submit.at };
}
