import type { Citation } from "../catalog/citation.ts";
import { catalogEntry } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { EXAM_BOOKING_DAYS, EXAM_BOOKING_SOURCE } from "./advice.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * The allowances feasibility.ts counts at the fastest pace (preparation, booking, ECFMG's approval,
 * results), each with the citation it rests on, and the sentence that names them for a risk.
 */

/** A number of days and the citation it rests on (a catalog field, or advice.ts). */
export interface LeadTime {
  days: number;
  citation: Citation;
}

/** One remaining requirement at the fastest pace, each allowance with its own citation. */
export interface Remaining {
  key: MilestoneKey;
  /** Preparation still needed before the sitting (the catalog's leadTimeDays), or null when under way. */
  prep: LeadTime | null;
  /** Booking before the sitting, or ECFMG's approval and registration before the first exam. */
  wait: LeadTime | null;
  /** Until the result or decision reaches ECFMG and NRMP (the catalog's reportingDays). */
  report: LeadTime | null;
}

export const EXAM_BOOKING: LeadTime = {
  days: EXAM_BOOKING_DAYS,
  citation: { basis: "advice", source: EXAM_BOOKING_SOURCE },
};

/**
 * "Pass USMLE Step 1: about 120 days of preparation, a test date within about 7 days, then about
 * 28 days for the result", one per requirement. Each allowance's source goes to `sources` with its
 * own step and allowance, "advice: … (Pass USMLE Step 1: preparation, about 120 days)" (tester s5
 * C3: a flat list left a reader to guess which step a source belonged to), so the sentence carries
 * no label or URL and a source shared by two steps is listed under each.
 */
export function describeTakes(takes: readonly Remaining[], sources: string[]): string[] {
  return takes.map((take) => {
    const title = catalogEntry(take.key).title;
    const cite = (lead: LeadTime, allowance: string): string => {
      addSource(
        sources,
        `${citationSource(lead.citation)} (${title}: ${allowance}, about ${lead.days} days)`,
      );
      return `about ${lead.days} days`;
    };
    const parts: string[] = [];
    if (take.prep !== null) parts.push(`${cite(take.prep, "preparation")} of preparation`);
    if (take.wait !== null)
      parts.push(
        take.key === "ecfmg_application"
          ? `${cite(take.wait, "approval and exam registration")} for ECFMG's approval and your exam registration`
          : `a test date within ${cite(take.wait, "test date")}`,
      );
    if (take.report !== null)
      parts.push(
        take.key === "ecfmg_pathway"
          ? `${cite(take.report, "review")} for ECFMG's review once you submit it with your OET result`
          : `${cite(take.report, "result")} for the result`,
      );
    return `${title}: ${parts.length > 0 ? parts.join(", then ") : "as soon as its prerequisites are met"}`;
  });
}

/** The catalog's reporting time of a result or decision, as the deadlines read it (none: 0 days). */
export function reportingOf(key: MilestoneKey): LeadTime | null {
  const reporting = catalogEntry(key).reportingDays;
  return reporting === undefined ? null : { days: reporting.days, citation: reporting };
}

/**
 * How long before the first exam the ECFMG application must be in: the catalog's due rule for it
 * (an offset before the Step 1 due date), the same allowance its deadline uses.
 */
export function applicationLeadTime(): LeadTime {
  const due = catalogEntry("ecfmg_application").due;
  if (due.from !== "milestone" || due.offsetDays > 0)
    throw new Error("ecfmg_application's due rule must be an offset before an exam's due date");
  return { days: -due.offsetDays, citation: { basis: due.basis, source: due.source } };
}
