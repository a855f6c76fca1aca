import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { IMPLIED_AT, PREREQUISITES_AT, stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { StepEntries } from "./step-entries.ts";

/** No step done for an earlier season: shared by the plans that have none, never written (ReadonlySet). */
const NO_PAST_SEASON: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>();

/**
 * The steps of the snapshot that were done (or booked, or waived) for an earlier Match season
 * than the calendar's, by the catalog's `redoneEachSeason`: a re-applicant who switches Match year
 * keeps exams and certification, but not last season's ERAS token, application, NRMP registration,
 * ranking or visa steps, nor the documents that went into last season's application. The planner
 * counts them as not started, so their steps, reminders and fees come back.
 *
 * - "season-start": dated on or before the day the previous ERAS season ends (the target season's
 *   `eras_previous_season_ends`, AAMC's ERAS timeline), or undated while that day has not passed
 *   (nothing of this season can be done before it begins).
 * - "pathway-season": a Pathway application dated on or before that same day (earlierPathwaySeason).
 * - "past-application": a document finished (done or waived) in an earlier season's MyERAS, which
 *   a new season's application does not hold until it is imported or uploaded again (AAMC, cited in
 *   the catalog), and the budget planned then (the new season's fees come back). That is when the ERAS application itself is from an earlier season and the
 *   document was finished on or before it (or undated: it went with it); or when, with no such
 *   application, the ERAS token is an earlier season's (the applicant registered in that season's
 *   MyERAS) and the document was finished on or before that season ended (or undated), as for a
 *   re-applicant who switches Match year before applying. One still in progress is
 *   being written now, for this season.
 *
 * Calendar dates compare as ISO text (the applicant's day against the ET season day).
 */
/** Each catalog entry's `redoneEachSeason.from`, by catalog index (pastSeasonWork's reads). */
const REDONE_FROM: readonly (NonNullable<CatalogEntry["redoneEachSeason"]>["from"] | undefined)[] =
  MILESTONE_CATALOG.map((entry) => entry.redoneEachSeason?.from);

export function pastSeasonWork(
  entries: ReadonlyMap<MilestoneKey, MilestoneEntry>,
  calendar: SeasonCalendar,
  now: number,
): ReadonlySet<MilestoneKey> {
  // Most plans have no earlier season's work: they share one empty set, and a set is made only for
  // a plan that has some (a new Set per plan showed in the planner bench's allocations).
  let past: Set<MilestoneKey> | undefined;
  const seasonStart = calendar.dates.eras_previous_season_ends;
  // A plan's entries know each one's catalog place: its rule is read by index, not by key.
  const placed = entries instanceof StepEntries ? entries : undefined;
  let position = -1;
  for (const entry of entries.values()) {
    position++;
    if (entry.status === "not_started") continue;
    const place = placed === undefined ? -1 : placed.placeAt(position);
    const from = place >= 0 ? REDONE_FROM[place] : catalogEntry(entry.key).redoneEachSeason?.from;
    if (from === "pathway-season") {
      if (earlierPathwaySeason(entry, entries, seasonStart.date)) {
        past ??= new Set<MilestoneKey>();
        past.add(entry.key);
      }
      continue;
    }
    if (from !== "season-start") continue;
    const before =
      entry.date === undefined
        ? entry.status !== "waived" && now <= seasonStart.at
        : entry.date <= seasonStart.date;
    if (before) {
      past ??= new Set<MilestoneKey>();
      past.add(entry.key);
    }
  }
  if (past === undefined) return NO_PAST_SEASON;
  // The last day a document can belong to an earlier season's MyERAS: that application's day, else
  // (registered with an earlier season's token, never applied) the day that season ended.
  const earlierMyEras = past.has("eras_application")
    ? { until: entries.get("eras_application")?.date }
    : past.has("eras_token")
      ? { until: seasonStart.date }
      : undefined;
  if (earlierMyEras === undefined) return past;
  for (const entry of entries.values()) {
    const finished = entry.status === "done" || entry.status === "waived";
    if (!finished || catalogEntry(entry.key).redoneEachSeason?.from !== "past-application") continue;
    const until = earlierMyEras.until;
    const withIt = entry.date === undefined || until === undefined || entry.date <= until;
    if (withIt && (entry.status !== "waived" || entry.date !== undefined)) past.add(entry.key);
  }
  return past;
}

/**
 * A Pathway application (booked or in progress, dated) of an earlier Pathways season than the one
 * ending with the calendar's Match (catalog `redoneEachSeason` "pathway-season"): dated on or before
 * `seasonStart`, the previous ERAS season's end, the day the previous Pathways closed (2025: both
 * May 31). ECFMG decides it for that season's Match only, so it is applied for again (one
 * dated April 2024 read as under review for the 2028 Match), unless ECFMG has certified the
 * applicant. An accepted Pathway (done) meets the requirement and stays done; an undated one in
 * progress stays the benefit of the doubt feasibility gives it.
 */
function earlierPathwaySeason(
  entry: MilestoneEntry,
  entries: ReadonlyMap<MilestoneKey, MilestoneEntry>,
  seasonStart: string,
): boolean {
  if (entry.status !== "scheduled" && entry.status !== "in_progress") return false;
  if (entry.date === undefined || entry.date > seasonStart) return false;
  return entries.get("ecfmg_certification")?.status !== "done";
}

/**
 * The context a plan moved to a later Match (MATCH_YEAR_NOT_FEASIBLE) lays its steps with: the steps
 * done for the Match out of reach count for it only, so they are on the later Match's road again,
 * by the same rule as for a re-applicant who switched Match year (pastSeasonWork against the later
 * season: done on or before the day its previous ERAS season ends, which is the earlier Match's).
 * The snapshot cannot say which Match a step was for; its date can (an ERAS application or NRMP registration
 * of the 2027 Match does not count for 2028). Risks, feasibility and the budget (which keeps those fees as
 * spent) read the plan's own context. The context itself when nothing more is of an earlier season.
 */
export function laterSeasonSteps(context: PlanContext, later: SeasonCalendar): PlanContext {
  const past = pastSeasonWork(context.entries, later, context.now);
  if (past.size === context.pastSeason.size) return context;
  const entries = context.entries.copy();
  const statuses = context.statuses.slice();
  const reported = new Map(context.pastSeasonEntries);
  for (const key of past) {
    if (context.pastSeason.has(key)) continue;
    const entry = entries.get(key);
    if (entry !== undefined) reported.set(key, entry);
    entries.set({ key, status: "not_started" });
    statuses[stepIndex(key)] = "not_started";
  }
  return contextWith(context, {
    entries,
    statuses,
    pastSeason: past,
    pastSeasonEntries: reported,
    pastSeasonMatch: { out: context.calendar.matchYear, planned: later.matchYear },
  });
}

/**
 * Resets the steps of an earlier season (`past`, pastSeasonWork) to not started in `entries`, and
 * returns the snapshot's own entries of them, as reported (the context's `pastSeasonEntries`).
 */
export function resetPastSeason(
  entries: StepEntries,
  past: ReadonlySet<MilestoneKey>,
): ReadonlyMap<MilestoneKey, MilestoneEntry> {
  const reported = new Map<MilestoneKey, MilestoneEntry>();
  for (const key of past) {
    const entry = entries.get(key);
    if (entry !== undefined) reported.set(key, entry);
    entries.set({ key, status: "not_started" });
  }
  return reported;
}

/**
 * The prerequisites a step's done, or its booking, implies (IMPLIED_AT) that last beyond a season
 * (no `redoneEachSeason`, not `seasonBound`), by catalog index: an ERAS application or token of any
 * season means ECFMG issued a token, so the applicant has their ECFMG application (MyIntealth
 * identity) and the WDOMS check behind it. Static catalog data.
 */
const LASTING_IMPLIED_AT: readonly { done: readonly number[]; scheduled: readonly number[] }[] =
  MILESTONE_CATALOG.map((_, index) => {
    const lasting = (at: number): boolean => {
      const prerequisite = MILESTONE_CATALOG[at] as CatalogEntry;
      return prerequisite.redoneEachSeason === undefined && prerequisite.seasonBound !== true;
    };
    const implied = IMPLIED_AT[index];
    return {
      done: (implied?.done ?? []).filter(lasting),
      scheduled: (implied?.scheduled ?? []).filter(lasting),
    };
  });

/** The lasting prerequisites an earlier season's entry implies: done or booked, as buildContext marks them. */
function lastingOf(entry: MilestoneEntry): readonly number[] {
  const lasting = LASTING_IMPLIED_AT[stepIndex(entry.key)];
  if (lasting === undefined) return [];
  return entry.status === "done" ? lasting.done : entry.status === "scheduled" ? lasting.scheduled : [];
}

/**
 * Marks done in `statuses` (by catalog index) the lasting prerequisites (LASTING_IMPLIED_AT) of the
 * steps reported done or booked for an earlier season (`reported`, resetPastSeason's): the step is
 * this season's to do again, but what it proved stays proved (one waived stays waived).
 * An ERAS application done for the Match out of reach left the later Match's token waiting for
 * an ECFMG application the plan counted done elsewhere and never showed.
 */
export function markLastingPrerequisites(
  statuses: MilestoneStatus[],
  reported: ReadonlyMap<MilestoneKey, MilestoneEntry>,
): void {
  for (const entry of reported.values()) {
    for (const index of lastingOf(entry)) {
      if (statuses[index] !== "done" && statuses[index] !== "waived") statuses[index] = "done";
    }
  }
}

/**
 * On the card of the step at catalog index `index`, why it waits for no prerequisite the applicant
 * never reported: one counted done because a step reported done for an earlier season needed it
 * first (markLastingPrerequisites), " Your Application for ECFMG Certification counts as done: the
 * ERAS application you reported (Tue 22 Sep 2026) needed it first." (the plan
 * counts it done, so the words say so). "" for any other card, and at once for a plan with no
 * earlier season's work.
 */
export function lastingPrerequisiteNote(context: PlanContext, index: number): string {
  if (context.pastSeasonEntries.size === 0) return "";
  for (const { index: at } of PREREQUISITES_AT[index] ?? []) {
    if (context.entries.at(at) !== undefined || context.statuses[at] !== "done") continue;
    for (const entry of context.pastSeasonEntries.values()) {
      if (!lastingOf(entry).includes(at)) continue;
      const day = entry.date === undefined ? "" : ` (${renderDate(entry.date)})`;
      return ` Your ${(MILESTONE_CATALOG[at] as CatalogEntry).advisorName} counts as done: the ${catalogEntry(entry.key).advisorName} you reported${day} needed it first.`;
    }
  }
  return "";
}

/**
 * A re-applicant's NRMP registration dated in an earlier season (pastSeasonWork's "season-start"):
 * which Match it was for, the one whose applicant registration window holds its day (NRMP's
 * registration opening, cited, to its late registration's close, the rank order list deadline), and
 * that the plan's Match needs its own registration (NRMP registers applicants for one Match at a
 * time: the catalog's `redoneEachSeason`, our advice). Null when the registration is not an earlier
 * season's or has no day; an earlier Match unnamed when no window with season data holds the day.
 */
export function pastRegistrationWords(context: PlanContext): string | null {
  if (!context.pastSeason.has("nrmp_registration")) return null;
  const day = context.pastSeasonEntries.get("nrmp_registration")?.date;
  if (day === undefined) return null;
  const year = context.calendar.matchYear;
  const needs = `NRMP registers applicants for one Match at a time, so the ${year} Match needs its own registration (advice)`;
  const dayYear = Number(day.slice(0, 4));
  for (const match of [dayYear + 1, dayYear]) {
    if (match >= year) continue;
    let season: SeasonCalendar;
    try {
      season = seasonCalendar(match);
    } catch {
      continue; // before the first season with data: no window to name
    }
    const opens = season.dates.nrmp_applicant_registration_opens;
    const closes = season.dates.nrmp_rol_certification_and_late_registration_deadline;
    if (day < opens.date || day > closes.date) continue;
    const cited = opens.status === "confirmed" ? ` (NRMP: ${opens.source})` : " (projected)";
    return `Your NRMP registration of ${renderDate(day)} was for the ${match} Match, whose registration opened on ${renderDate(opens.date)}${cited}: ${needs}.`;
  }
  return `Your NRMP registration of ${renderDate(day)} was for an earlier Match: ${needs}.`;
}
