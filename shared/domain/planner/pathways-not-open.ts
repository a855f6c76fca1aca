import { seasonCalendar } from "../seasons/index.ts";
import { etInstant, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/** The one Pathways opening on record (2026 season file, context date, official): the 2026 Pathways, Tue 19 Aug 2025. */
function openingOnRecord(): string {
  const opened = seasonCalendar(2026).contextDates.find(
    (date) => date.key === "ecfmg_2026_pathways_application_open_by",
  );
  return opened?.date ?? "2025-08-19";
}

/**
 * The Pathway card for the `year` Match while ECFMG's `year` Pathways have probably not opened
 * (tester t9y F4, lead's ruling: a 2028 card said "submit the application now" in December 2026,
 * inviting a payment for the 2027 Pathways): "Apply once ECFMG's 2028 Pathways are open (check
 * ECFMG's news; the 2026 Pathways opened on Tue 19 Aug 2025) …", the words a moved plan already
 * gives (step-action.ts laterMatchPathwayAction). "Probably not opened": before the day of the year
 * the one opening on record fell on, in the year before the Match (19 Aug 2027 for the 2028 Match);
 * that day is never shown as a date (ECFMG announces each opening only when it opens), and a re-plan
 * is noted at it. Null from then on, and for a Pathways season already under way.
 */
export function pathwaysNotOpenAction(context: PlanContext, year: number): string | null {
  const record = openingOnRecord();
  const opens = etInstant(`${year - 1}${record.slice(4)}`, null);
  if (context.now >= opens) return null;
  noteRiskChange(context, opens);
  return `Apply once ECFMG's ${year} Pathways are open (check ECFMG's news; the 2026 Pathways opened on ${renderDate(record)}): the application need not wait for your OET result. Send the OET result to ECFMG when it arrives, with the other documents your Pathway asks for.`;
}
