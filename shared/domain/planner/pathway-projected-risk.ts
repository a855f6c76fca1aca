import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { byDay, dayBy, when } from "./day-words.ts";
import { type PathwayLate, pathwayDeadline } from "./feasibility.ts";
import { PATHWAY_DEADLINE_MARK } from "./pathway-deadlines.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";
import { undatedPathwayLate, undatedPathwayLateRisk } from "./undated-pathway-late.ts";

/**
 * PATHWAY_DEADLINE_PROJECTED: the season is in reach, but at the fastest pace the Pathway
 * application, or the OET result sent after it, would come after a projected Pathway deadline.
 * Both deadlines are the catalog's projections (advice, with their sources): the earlier candidate
 * is the safe side for reminders, not for writing a season off, so this is
 * a warning that names the projection and asks to verify ECFMG's deadlines for the season.
 * Null for a Pathway in progress with no date once only the question is left (undatedPathwayLate).
 */
export function pathwayProjectedRisk(
  context: PlanContext,
  late: PathwayLate,
  lastDay: Risk | null,
): Risk | null {
  const { calendar } = context;
  // In progress with no date past the deadline: while ECFMG may still take it, the critical question
  // (undated-pathway-late.ts) unless the chain's last day says it; after that, EXAMS_LATE_FOR_RANKING.
  const undated = late.what === "application" ? undatedPathwayLate(context) : null;
  if (undated === "asked") return null;
  const asked = undated === "submit" && lastDay === null ? undatedPathwayLateRisk(context) : undefined;
  if (asked !== undefined) return asked;
  const entry = catalogEntry("ecfmg_pathway");
  const sources: string[] = [];
  addSource(sources, citationSource(entry.due));
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const verify = `${pathwaysUnconfirmed(calendar.matchYear)}, so this date is a projection from an earlier Match's: verify ECFMG's ${calendar.matchYear} Pathways deadlines on ECFMG's website`;
  const review = `ECFMG's review should still end before the rank order list deadline, ${when(context, rol.at)}${citeSeasonDate(rol, sources)}`;
  let message: string;
  const pathway = context.entries.get("ecfmg_pathway");
  if (late.what === "application" && pathway?.status === "in_progress" && pathway.date === undefined) {
    // In progress with no date: it may be submitted already, so the words ask rather than assert.
    message = `The Pathway application deadline, ${dayBy(context, late.due)}${PATHWAY_DEADLINE_MARK}, has passed and your ECFMG Pathway is in progress with no submission date: if you have not submitted it yet, submit it now and send your OET result and the other documents when you have them; if you have, tell us the date you submitted it (on your intake form, or ask your advisor to record it). ${verify}. ECFMG's decision must reach NRMP by the rank order list deadline, ${when(context, rol.at)}${citeSeasonDate(rol, sources)}.`;
  } else if (late.what === "application") {
    const said =
      late.at <= context.now
        ? `The Pathway application deadline, ${dayBy(context, late.due)}${PATHWAY_DEADLINE_MARK}, has passed and your ECFMG Pathway application is not submitted`
        : `Your ECFMG Pathway application would go in around ${dayBy(context, late.at)}, after the Pathway application deadline, ${dayBy(context, late.due)}${PATHWAY_DEADLINE_MARK}`;
    message = `${said}. ${verify}, and submit the application as soon as you can; send your OET result and the other documents when you have them. ${review}.`;
  } else {
    if (entry.documentsDue !== undefined) addSource(sources, citationSource(entry.documentsDue));
    const applicationDue = pathwayDeadline(calendar);
    const submit =
      applicationDue === null
        ? "Submit your Pathway application now"
        : `Submit your Pathway application ${byDay(context, applicationDue)}${PATHWAY_DEADLINE_MARK}`;
    message = `Your OET result would reach ECFMG around ${dayBy(context, late.at)}, after the deadline for a Pathway application's supporting documents, ${dayBy(context, late.due)}${PATHWAY_DEADLINE_MARK}. ${verify}. ${submit} and send your OET result to ECFMG as soon as it arrives. ${review}.`;
  }
  return {
    code: "PATHWAY_DEADLINE_PROJECTED",
    severity: "warning",
    message,
    milestones: late.what === "documents" ? ["oet_medicine", "ecfmg_pathway"] : ["ecfmg_pathway"],
    sources,
  };
}
