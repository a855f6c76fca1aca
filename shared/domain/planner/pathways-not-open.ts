import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import { etInstant, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/** The one Pathways opening on record (2026 season file, context date, official): the 2026 Pathways, Tue 19 Aug 2025. */
function openingOnRecord(): string {
  // The calendar is frozen and cached (seasonCalendar): its opening is searched for once per
  // calendar object, not on every plan (planner bench).
  const calendar = seasonCalendar(2026);
  if (calendar === recordCalendar) return record;
  const opened = calendar.contextDates.find((date) => date.key === "ecfmg_2026_pathways_application_open_by");
  record = opened?.date ?? "2025-08-19";
  recordCalendar = calendar;
  return record;
}
let recordCalendar: SeasonCalendar | undefined;
let record = "";

/** When the `year` Match's Pathways probably open, and the card's words until then (pathwaysNotOpenAction). */
interface NotOpen {
  /** The opening on record this was made from, and the Match year: the whole key. */
  readonly record: string;
  readonly year: number;
  readonly opens: number;
  readonly words: string;
}

/**
 * The opening instant and words for (`record`, `year`), which are all they read: kept for the last
 * pair asked (a plan asks for its own Match's year), so the ET instant and the date are not worked
 * out again on every plan (planner bench).
 */
function notOpenFor(opening: string, year: number): NotOpen {
  if (last !== undefined && last.record === opening && last.year === year) return last;
  last = {
    record: opening,
    year,
    opens: etInstant(`${year - 1}${opening.slice(4)}`, null),
    words: `Apply once ECFMG's ${year} Pathways are open (check ECFMG's news; the 2026 Pathways opened on ${renderDate(opening)}): the application need not wait for your OET result. Send the OET result to ECFMG when it arrives, with the other documents your Pathway asks for.`,
  };
  return last;
}
let last: NotOpen | undefined;

/**
 * The Pathway card for the `year` Match while ECFMG's `year` Pathways have probably not opened
 * (a 2028 card said "submit the application now" in December 2026,
 * inviting a payment for the 2027 Pathways): "Apply once ECFMG's 2028 Pathways are open (check
 * ECFMG's news; the 2026 Pathways opened on Tue 19 Aug 2025) …", the words a moved plan already
 * gives (step-action.ts laterMatchPathwayAction). "Probably not opened": before the day of the year
 * the one opening on record fell on, in the year before the Match (19 Aug 2027 for the 2028 Match);
 * that day is never shown as a date (ECFMG announces each opening only when it opens), and a re-plan
 * is noted at it. Null from then on, and for a Pathways season already under way.
 */
export function pathwaysNotOpenAction(context: PlanContext, year: number): string | null {
  const { opens, words } = notOpenFor(openingOnRecord(), year);
  if (context.now >= opens) return null;
  noteRiskChange(context, opens);
  return words;
}
