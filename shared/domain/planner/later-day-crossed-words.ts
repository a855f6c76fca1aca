import { catalogEntry } from "../catalog/index.ts";
import { milestoneLatestCandidate, seasonCalendar } from "../seasons/index.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { currentPathwaysWords, PATHWAYS_2025_CLOSING_URL } from "./current-pathways-season.ts";
import { dayBy } from "./day-words.ts";
import { cutOffMark, lastSittingDay, sittingCutOffOf } from "./last-sitting-day.ts";
import type { LaterDayCrossed } from "./later-day-crossed.ts";
import { PATHWAY_DEADLINE_MARK, pathwayDeadline } from "./pathway-deadlines.ts";
import { pathwayMissedProjected } from "./pathway-passed-keeps-match.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * The later candidate's step day a write-off crossed (laterDayCrossed), in words,
 * beside the projected day the plan showed: "the last day to sit OET Medicine for the 2027 Match
 * has passed on either date: Tue 5 Jan 2027 (our advice) and, were NRMP's 2027 deadline later than
 * projected (Wed 3 Mar 2027: it was 16 days before Match Day in 2022–2025; ECFMG's Pathway
 * deadlines are projected from it), Tue 12 Jan 2027". The candidate's rule (projection-rules.json
 * `latestCandidate`) is cited in `sources`.
 */
export function laterDayCrossedClause(
  context: PlanContext,
  crossed: LaterDayCrossed,
  sources: string[],
): string {
  const year = crossed.calendar.matchYear;
  const projected = seasonCalendar(year);
  const candidate = projected.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  const laterRol = renderDate(
    crossed.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.date,
  );
  if (candidate !== undefined) addSource(sources, candidate.rule);
  // The step's own deadline rule (the Pathway's, the last sitting day's), as its write-off cites it.
  addSource(sources, citationSource(catalogEntry(crossed.key).due));
  const pathway = crossed.key === "ecfmg_pathway";
  if (pathway) return pathwayCrossedClause(context, crossed, sources);
  const what = pathway
    ? `your ECFMG Pathway application is not submitted and its deadline for the ${year} Match`
    : `the last day to sit ${catalogEntry(crossed.key).advisorName} for the ${year} Match`;
  const earlierAt = pathway ? pathwayDeadline(projected) : sittingCutOffOf(projected, crossed.key);
  const day = (at: number) => (pathway ? dayBy(context, at) : renderDate(lastSittingDay(at)));
  // The earlier day's mark by who sets it (a last sitting day is our advice).
  const mark = pathway ? PATHWAY_DEADLINE_MARK : cutOffMark(projected, crossed.key);
  const earlier = earlierAt === null ? "" : `${day(earlierAt)}${mark} and, `;
  const moved =
    pathway || crossed.key === "oet_medicine" ? "; ECFMG's Pathway deadlines are projected from it" : "";
  const said = candidate?.said === undefined ? "" : `: it was ${candidate.said}`;
  // The OET dated by the later candidate's day alone (the Pathway past its projected deadline): the
  // write-off names the day she was given, not the projection's, which every plan before it left out.
  if (crossed.key === "oet_medicine" && pathwayMissedProjected(context, projected))
    return `${what}, ${day(crossed.at)}${cutOffMark(crossed.calendar, crossed.key)}, has passed: the day your plan kept the Match to, were NRMP's ${year} deadline later than projected (${laterRol}${said}${moved}), once your Pathway application had missed its projected deadline`;
  return `${what} has passed on either date: ${earlier}were NRMP's ${year} deadline later than projected (${laterRol}${said}${moved}), ${day(crossed.at)}`;
}

/**
 * MATCH_YEAR_NOT_FEASIBLE's cause when the later candidate's own step day decided the target Match:
 * laterDayCrossedClause, then why that day ends it: the exams and Pathway reported
 * only after the rank order list deadline on either date (`readyAt`, epoch ms; `deadline`, the
 * plan's projected deadline in words), else the OET result too late for the Pathway's documents,
 * the exam's result too late for ranking, or the Pathway refused (with ECFMG's current Pathways, as
 * the projected Pathway write-off says).
 */
export function laterDayCrossedCause(
  context: PlanContext,
  crossed: LaterDayCrossed,
  deadline: string,
  readyAt: number,
  earliest: number,
  sources: string[],
): string {
  const year = crossed.calendar.matchYear;
  const laterRol = crossed.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const clause = laterDayCrossedClause(context, crossed, sources);
  // The Pathway's own deadline, passed on every date we have for it, is what decided: not a timing
  // guess about the exams' reports.
  if (readyAt > laterRol.at && crossed.key !== "ecfmg_pathway")
    return `${clause}: even at the fastest realistic pace the exams and Pathway NRMP needs would be reported around ${dayBy(context, readyAt)}, after the rank order list deadline on either date, ${deadline} or ${renderDate(laterRol.date)}; ECFMG must confirm them by then`;
  if (crossed.key === "oet_medicine")
    return `${clause}: a result from a later sitting could not reach ECFMG by the deadline for a Pathway application's supporting documents on either date, and ECFMG would likely reject an application whose documents come late`;
  if (crossed.key !== "ecfmg_pathway")
    return `${clause}: a result from a later sitting would not be reported by the rank order list deadline on either date, ${deadline} or ${renderDate(laterRol.date)}`;
  const current = currentPathwaysWords(context, year, earliest);
  if (current !== "") addSource(sources, PATHWAYS_2025_CLOSING_URL);
  return `${clause}. ${pathwaysUnconfirmed(year)}: if ECFMG's own ${year} deadline turns out later still and you submit by it, tell us the day you submitted and this plan returns to the ${year} Match${current === "" ? "" : `. ${current.slice(0, -1)}`}`;
}

/**
 * The Pathway application's deadline passed on every date we have for it: "ECFMG's Pathway application
 * deadline for the 2027 Match has passed on every date we have for it (projected Sat 26 Dec 2026; at the
 * latest Tue 2 Feb 2027, were NRMP's 2027 deadline later than projected, Wed 3 Mar 2027, as it was 16 days
 * before Match Day in 2022–2025; ECFMG's own were 31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the
 * 2023 Match) with no application recorded". The latest candidate's rule (projection-rules.json
 * milestoneOffsets) is cited in `sources`.
 */
function pathwayCrossedClause(context: PlanContext, crossed: LaterDayCrossed, sources: string[]): string {
  const year = crossed.calendar.matchYear;
  const projected = seasonCalendar(year);
  const rolCandidate = projected.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  const laterRol = renderDate(
    crossed.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.date,
  );
  const latest = milestoneLatestCandidate("ecfmg_pathway");
  if (latest !== undefined) addSource(sources, latest.rule);
  const earlierAt = pathwayDeadline(projected);
  const earlier = earlierAt === null ? "" : `projected ${dayBy(context, earlierAt)}; `;
  const rolSaid = rolCandidate?.said === undefined ? "" : `, as it was ${rolCandidate.said}`;
  const ecfmgSaid = latest === undefined ? "" : `; ECFMG's own were ${latest.said}`;
  return `ECFMG's Pathway application deadline for the ${year} Match has passed on every date we have for it (${earlier}at the latest ${dayBy(context, crossed.at)}, were NRMP's ${year} deadline later than projected, ${laterRol}${rolSaid}${ecfmgSaid}) with no application recorded`;
}
