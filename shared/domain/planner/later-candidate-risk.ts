import { catalogEntry } from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { etInstant, localDate, MINUTE_MS, renderDate } from "../time.ts";
import { OET_BOOKING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { byDayOrWhen, etDayOrWhen, when } from "./day-words.ts";
import type { Remaining } from "./feasibility.ts";
import { actsFirst } from "./last-day-takes.ts";
import { cutOffMark, dayText, lastSittingDay, lastSittingEnd, lastSittingWords } from "./last-sitting-day.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import type { LaterCandidateOnly } from "./later-candidate-feasibility.ts";
import { lastDayRisk } from "./match-year-last-day.ts";
import { oetBookingClosed } from "./oet-booking-day.ts";
import { oetMoveToLaterWords } from "./oet-rebook-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/**
 * MATCH_YEAR_LAST_DAY, critical, for a Match in reach on the later candidate of the projected rank
 * order list deadline only (withLaterCandidate): "By our projected
 * deadline (Wed 24 Feb 2027, 9:00 PM ET) your USMLE Step 2 CK result would come too late. If NRMP's
 * 2027 deadline turns out later (it was 16 days before Match Day in 2022–2025, Wed 3 Mar 2027), you
 * can still match: sit USMLE Step 2 CK by Wed 3 Feb 2027 at the latest and check NRMP's 2027 calendar
 * now.", then the later candidate's own MATCH_YEAR_LAST_DAY words (the chain's allowances, advice)
 * when a last day is found. Its steps are the later chain's (they carry that candidate's dates).
 */
export function laterCandidateRisk(context: PlanContext, only: LaterCandidateOnly): Risk {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const later = only.context;
  const candidate = rolDate.latestCandidate;
  const sources: string[] = [];
  // Each projected day is marked where it is named, this one too.
  const deadline = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
  const decidedBy = only.earlier.decidedBy;
  const what = decidedBy === null ? "your exams and Pathway" : reportWords(decidedBy);
  const takes = only.feasibility.takes;
  const last = lastWorkingInstant(later, only.feasibility);
  const detail = last === null ? null : lastDayRisk(later, last);
  // In reach only with no study counted (study-uncounted.ts): the day to start preparing has passed
  // (lastWorkingInstant finds none), so the sitting is said for one who has been preparing, and its
  // last sitting day is the day the notice and its countdown name, the same day in every zone.
  const unstudied = only.feasibility.studyUncounted === true;
  const preparing = unstudied ? "if you have been preparing, " : "";
  const { actions, sitBy } = laterSittingActions(context, later, takes, preparing);
  // An ET instant ahead is named in both zones where the applicant's day differs.
  if (actions.length === 0 && last !== null) actions.push(`act ${byDayOrWhen(context, last.at)} (see below)`);
  const act = actions.length > 0 ? `${actions.join(", and ")}, and check` : "check";
  // ECFMG's Pathway deadlines are projected from NRMP's and move with it.
  const ecfmg = decidedBy === "ecfmg_pathway" || takes.some((take) => ECFMG_KEYS.has(take.key));
  const also = ecfmg
    ? ` and ECFMG's Pathway deadlines with it (ECFMG's ${calendar.matchYear} Pathways deadlines are not yet confirmed in Matchpath's data: we project them from NRMP's)`
    : "";
  const check = ecfmg
    ? `NRMP's ${calendar.matchYear} calendar and ECFMG's Pathways page`
    : `NRMP's ${calendar.matchYear} calendar`;
  const hedge =
    candidate === undefined
      ? ""
      : ` If NRMP's ${calendar.matchYear} deadline turns out later (it was ${candidate.said ?? candidate.rule}, ${etDayOrWhen(context, etInstant(candidate.date, rolDate.time), renderDate(candidate.date))})${also}, you can still match: ${act} ${check} now.`;
  if (candidate !== undefined) addSource(sources, candidate.rule);
  const milestones = actsFirst(takes);
  if (milestones.length === 0 && decidedBy !== null) milestones.push(decidedBy as StepSubject);
  for (const source of detail?.sources ?? []) addSource(sources, source);
  return {
    code: "MATCH_YEAR_LAST_DAY",
    severity: "critical",
    message: `By our projected deadline, ${deadline}, ${what} would come too late.${hedge}${detail === null ? "" : ` On the later deadline: ${detail.message.replace(/^The /, "the ")}`}`,
    milestones,
    ...lastWorking(detail, unstudied ? sitBy : undefined, later.zone),
    sources,
  };
}

/**
 * What the later candidate's chain asks of each sitting still to take (`takes`, on `later`, that
 * candidate's context): "sit USMLE Step 2 CK by …", a late OET seat to look for, a booked sitting to
 * keep; `preparing` opens an exam's words when no study is counted. With the earliest exam's last
 * sitting day (`sitBy`), OET's fixed sessions aside.
 */
export function laterSittingActions(
  context: PlanContext,
  later: PlanContext,
  takes: readonly Remaining[],
  preparing: string,
): { actions: string[]; sitBy: number | undefined } {
  let sitBy: number | undefined;
  const actions: string[] = [];
  for (const take of takes) {
    const name = catalogEntry(take.key).advisorName;
    if (take.seatBy !== undefined && take.key === "oet_medicine") {
      // OET's fixed sessions: its day as a date, never "sit it today", and past its booking
      // allowance (oetBookingClosed) where a late seat is to be looked for.
      const closed = oetBookingClosed(later, lastSittingEnd(later.zone, take.seatBy));
      const day = `${dayText(lastSittingDay(take.seatBy))} at the latest${cutOffMark(later.calendar, take.key)}`;
      actions.push(
        oetMoveToLaterWords(later, take.seatBy, day) ??
          (closed
            ? `check OET's session calendar now for a late ${name} seat (booking usually closes about ${OET_BOOKING_DAYS} days ahead, advice) and sit it by ${day}`
            : `sit ${name} by ${day}`),
      );
    } else if (take.seatBy !== undefined) {
      actions.push(
        `${preparing}sit ${name} ${lastSittingWords(later, take.seatBy)}${cutOffMark(later.calendar, take.key)}`,
      );
      sitBy = Math.min(sitBy ?? take.seatBy, take.seatBy);
    } else if (take.booked !== undefined && take.booked >= context.now)
      actions.push(
        `sit ${name} as booked on ${renderDate(localDate(context.zone, take.booked))} and tell us the result`,
      );
  }
  return { actions, sitBy };
}

/**
 * The risk's lastWorkingAt: the later chain's last day when one was found, else for a chain in reach
 * only with no study counted, the last minute of its earliest last sitting day in the applicant's
 * zone (a day, endsLocalDay), else none.
 */
function lastWorking(
  detail: Risk | null,
  sitBy: number | undefined,
  zone: string,
): Pick<Risk, "lastWorkingAt"> {
  if (detail?.lastWorkingAt !== undefined) return { lastWorkingAt: detail.lastWorkingAt };
  if (sitBy === undefined) return {};
  return { lastWorkingAt: new Date(lastSittingEnd(zone, sitBy) - MINUTE_MS).toISOString() };
}

/** The steps whose deadlines are ECFMG's Pathway deadlines (projected from NRMP's). */
const ECFMG_KEYS: ReadonlySet<MilestoneKey> = new Set(["oet_medicine", "ecfmg_pathway"]);

/** "your USMLE Step 2 CK result", "your ECFMG Pathway decision": what reaches ECFMG and NRMP. */
function reportWords(key: MilestoneKey): string {
  return `your ${catalogEntry(key).advisorName} ${key === "ecfmg_pathway" ? "decision" : "result"}`;
}
