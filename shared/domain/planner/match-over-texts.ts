import type { CatalogEntry } from "../catalog/index.ts";
import { neverHeardTitle } from "../match-outcome-question.ts";
import { residencyStartWords, seasonInstantEt } from "../seasons/date-words.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, renderEt } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import type { DueDate } from "./deadlines.ts";
import { namedDay } from "./named-day-due.ts";
import { restartWords } from "./restart-words.ts";

/**
 * What Match Day and MATCH_DAY_NOT_REPORTED say once the Match is over with its result never told
 * (matchOverUnreported), per target Match and the Match an applicant who did not
 * match can still enter.
 */
export interface MatchOverTexts {
  /** The Match still open to an applicant who did not match: the first later one whose rank order list deadline is ahead. */
  year: number;
  /** Match Day's title: we never heard whether you matched. */
  title: string;
  /** Match Day's text: if matched, say so; if not, `nextSeasonPlan`. */
  action: string;
  /** That Match's ERAS dates (season data, "projected" when they are) and what to change to enter it. */
  nextSeasonPlan: string;
  /**
   * What the question is due by, fixed by the season whatever `now` (the date moved
   * with `now`): the day the next Match's ERAS applications may first be submitted, the season an
   * applicant who did not match can still enter in full (its MyERAS opens in June, before residency
   * starts). The monthly check ends there.
   */
  due: DueDate;
  /** When these texts move on to a later Match: `year`'s rank order list deadline. */
  changesAt: number;
  /** The sources (or projection rules) of the ERAS dates named. */
  sources: readonly string[];
  /** Match Day's entries with this title and text. */
  phased: Map<CatalogEntry, CatalogEntry>;
}

/** A plan is never more than a few seasons past its target (implausibleMatchYearRisk says so). */
const MAX_SEASONS_ON = 5;
const made = new WeakMap<SeasonCalendar, Map<number, MatchOverTexts>>();

/** The texts for the plan's Match and `now` (made once per Match and later Match). */
export function matchOverTexts(context: PlanContext): MatchOverTexts {
  const { calendar } = context;
  let year = calendar.matchYear + 1;
  while (
    year < calendar.matchYear + MAX_SEASONS_ON &&
    seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline.at < context.now
  )
    year++;
  let byYear = made.get(calendar);
  if (byYear === undefined) {
    byYear = new Map();
    made.set(calendar, byYear);
  }
  // By year and wording: a negative key for visa "none"'s "contract steps".
  const steps = contractSteps(context.applicant.visa);
  const key = steps === contractSteps("undecided") ? year : -year;
  let texts = byYear.get(key);
  if (texts === undefined) {
    texts = build(calendar, year, steps);
    byYear.set(key, texts);
  }
  return texts;
}

function build(calendar: SeasonCalendar, year: number, steps: string): MatchOverTexts {
  const dates = seasonCalendar(year).dates;
  const opens = dates.eras_season_opens_myeras;
  const submit = dates.eras_applicants_may_submit;
  const review = dates.eras_programs_may_review_applications_and_mspe;
  const rol = dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = [opens, submit, review].some((each) => each.status === "projected") ? " (projected)" : "";
  // Tense-free: read before and after each of these dates.
  const nextSeasonPlan = `If you did not match, your plan moves to the ${year} Match. Its ERAS season${projected}: MyERAS open from ${renderEt(opens.at)}, applications submitted from ${renderEt(submit.at)}, programs reviewing them from ${renderEt(review.at)}. To move it, ${restartWords(year)}`;
  const start = calendar.dates.residency_start;
  const matchDay = seasonInstantEt(calendar.dates.nrmp_match_day);
  const nextSubmit = seasonCalendar(calendar.matchYear + 1).dates.eras_applicants_may_submit;
  return {
    year,
    // One message for every "never heard" case: no fact the applicant never told.
    title: neverHeardTitle(calendar.matchYear),
    action: `We never heard whether you matched in the ${calendar.matchYear} Match (Match Day was ${matchDay}; residency started on ${residencyStartWords(start, [])}). If you did (in the Match or in SOAP), mark Match Day done; your ${steps} are then yours and your program's to finish. ${nextSeasonPlan}`,
    nextSeasonPlan,
    // A day, the ERAS submission day it stands for, never its 9:00 AM ET read in her zone.
    due: namedDay(
      {
        at: nextSubmit.at,
        zone: ET_ZONE,
        status: nextSubmit.status,
        basis: nextSubmit.status,
        source: nextSubmit.source,
      },
      `by the first day of ERAS applications for the ${year} Match`,
    ),
    changesAt: rol.at,
    sources: [opens.source, submit.source, review.source],
    phased: new Map(),
  };
}
