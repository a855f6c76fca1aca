import { seasonCalendar } from "../seasons/index.ts";
import { DAY_MS } from "../time.ts";
import { INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS, INTERVIEW_SEASON_SOURCES } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/**
 * SEASON_OVER's words on the Match it points to, `next`, once that Match's ERAS season has opened
 * (a 2026 applicant whose Match was over was pointed at 2027 in
 * December 2026 with nothing about 2027's ERAS, open since June, its programs reviewing since
 * September). Says the season is under way with its dates (season data, AAMC's ERAS timeline, each
 * "(projected)" where projected, its rule cited into `sources`): MyERAS's opening, the first day
 * applicants may submit, the day programs may begin reviewing; then what that means: apply now,
 * late, or target the Match after it, whose MyERAS opening it names; once most interview invitations
 * are out (INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS after programs began reviewing, advice, as
 * ERAS_LATE_SUBMISSION says it) that an application reaches only programs with places left.
 * "" before that Match's MyERAS opens.
 */
export function nextSeasonUnderWay(context: PlanContext, next: number, sources: string[]): string {
  const dates = seasonCalendar(next).dates;
  const opens = dates.eras_season_opens_myeras;
  if (context.now < opens.at) return "";
  const submit = dates.eras_applicants_may_submit;
  const review = dates.eras_programs_may_review_applications_and_mspe;
  const after = seasonCalendar(next + 1).dates.eras_season_opens_myeras;
  const day = (date: typeof opens) => `${dayBy(context, date.at)}${citeSeasonDate(date, sources)}`;
  const submitted = context.now >= submit.at ? "applicants could submit from" : "applicants may submit from";
  const reviewing = context.now >= review.at;
  const programs = reviewing
    ? `programs began reviewing applications on ${day(review)}`
    : `programs begin reviewing applications on ${day(review)}`;
  let mostlyOut = "";
  if (context.now - review.at > INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS * DAY_MS) {
    for (const source of INTERVIEW_SEASON_SOURCES) addSource(sources, source);
    mostlyOut =
      ", and most interview invitations have gone out by now, so an application today reaches only programs with interview places left";
  }
  const nextAfter = `the ${next + 1} Match instead, whose MyERAS opens on ${day(after)}`;
  const meaning = reviewing
    ? `Applying for the ${next} Match now means applying late, to programs already reviewing applications${mostlyOut}: apply now, late, or target ${nextAfter}, and apply early.`
    : `Apply now, before programs begin reviewing, or target ${nextAfter}.`;
  return ` The ${next} season is already under way: MyERAS opened on ${day(opens)}, ${submitted} ${day(submit)}, and ${programs}. ${meaning}`;
}
