import { CHECKED_FOR_RANKING, catalogEntry, FEEDS_RANKING } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, localDate, renderDate, startOfLocalDate } from "../time.ts";
import { EXAM_BOOKING_DAYS, SCORE_REPORTING_DAYS, WARNING_WITHIN_DAYS } from "./advice.ts";
import { anySeatWords, oetAnySeatWords, onlyOnAnySeat } from "./any-seat.ts";
import { bookedLateRiskWords } from "./booked-late-risk-words.ts";
import { bookedLateCase, laterLastSittingStart } from "./booked-late-words.ts";
import { bookedUndatedAt, bookedUndatedWords } from "./booked-undated.ts";
import { stepIndex } from "./catalog-index.ts";
import { applies, isFinished, type PlanContext, statusAt } from "./context.ts";
import { ownDayInTime, shiftDays } from "./date-math.ts";
import { when } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL, plannedDayAt } from "./earliest-certification.ts";
import { isRetake } from "./failed-score.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { lastDayBy } from "./last-day-words.ts";
import { lastSittingInstant } from "./last-sitting-day.ts";
import {
  expectedAfterDeadline,
  fastestPaceWords,
  fedBy,
  lateStepSentences,
  latestBy,
  onlyAtFastestPace,
  pathwayNotSubmitted,
  subjectOf,
} from "./late-for-ranking-words.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { leadTimes } from "./lead-times.ts";
import { oetMoveBy } from "./oet-rebook-words.ts";
import { oetAheadOfDonePathway } from "./pathway-done-oet-ahead.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";
import {
  preparationLeftDays,
  preparationWords,
  stillTargetWords,
  tightStudyWords,
} from "./study-time-left.ts";

/** " retake" for a booked retake (a failed result reported), else "". */
const retakeWord = (context: PlanContext, key: MilestoneKey): string =>
  isRetake(context, key) ? " retake" : "";

/**
 * CHECKED_FOR_RANKING with each step's catalog index, entry and the result it feeds, made once: the
 * rule reads statuses and due dates by index (statusAt, dueAt), not a Map look-up by key each.
 */
const CHECKED = CHECKED_FOR_RANKING.map((key) => {
  const feeds = FEEDS_RANKING.get(key);
  return {
    key,
    index: stepIndex(key),
    entry: catalogEntry(key),
    feeds,
    feedsIndex: feeds === undefined ? -1 : stepIndex(feeds),
  };
});
/**
 * EXAMS_LATE_FOR_RANKING, for a season still in reach before its rank order list deadline: each exam
 * (and the Pathway) whose result may miss the deadline, late (critical) or at risk (warning), with
 * what to do by when; null when none is. Moved out of assessRisks (risks.ts) unchanged, for the
 * file-size limit.
 */
export function examsLateForRankingRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const { calendar, now } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const late: StepSubject[] = [];
  const atRisk: StepSubject[] = [];
  const details: string[] = [];
  // The preparation allowances the details rely on (advice, from the catalog), for `sources`.
  const preparation: string[] = [];
  // An exam in reach only at its fastest pace makes the risk critical too.
  let critical = false;
  // An exam said tight on its study time (tightStudyWords): the warning then says the Match stays the target.
  let tightened = false;
  // The Pathway's words gave ECFMG's review time (pathwayNotSubmitted): the lead times do not repeat it.
  let reviewSaid = false;
  // The latest result expected of the late sittings, booked or taken (the hedge's readyAt):
  // the end of its expected local day, as the card's "after both deadlines" reads it (booked-late-words);
  // Infinity once any late step has no such date (no hedge then).
  let lateResultAt = 0;
  let datedLate = 0;
  for (const { key, index, entry, feeds, feedsIndex } of CHECKED) {
    if (isFinished(statusAt(context, index)) || !applies(context, entry)) continue;
    // A result the Pathway needs (OET) is checked only when booked ahead:
    // an unbooked one shows its own deadline, and the Pathway's own check says the rest.
    const day = plannedDayAt(context, index);
    // The latest sitting whose result still reaches NRMP in time: the step's own deadline (the
    // catalog's one allowance for the result, the same date the step and its reminders show).
    const due = dates.dueAt(index);
    const cutOff = due?.at ?? shiftDays(rol, ET_ZONE, -SCORE_REPORTING_DAYS);
    // The last day is counted from a season date: projected, its words say so.
    const mark = basisMark(due ?? rolDate);
    const pathway = key === "ecfmg_pathway";
    // An exam's last sitting is a day, the cut-off's ET date as the applicant's local date, until
    // their next local day: the comparisons take its last instant; the words its day.
    const latestSitting = pathway ? cutOff : lastSittingInstant(context, cutOff);
    // An unbooked one in reach only at its fastest preparation is checked too, or
    // under way and in reach only on any seat by its last sitting day (the OET as well).
    const fastestOnly = feeds !== undefined && onlyAtFastestPace(context, key, day, latestSitting);
    const anySeat = onlyOnAnySeat(context, key, day, latestSitting);
    if (
      feeds !== undefined &&
      ((day === null && !fastestOnly && !anySeat) ||
        (day !== null && day < now) ||
        (isFinished(statusAt(context, feedsIndex)) && oetAheadOfDonePathway(context) === null))
    )
      continue;
    const reportDays = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
    const subject = subjectOf(key);
    if (day !== null && day >= now) {
      noteRiskChange(context, day);
      // Late when nothing of the day is before the deadline (ownDayInTime): an exam's
      // latestSitting is its last day's last instant, the Pathway's the deadline itself (at
      // Lagos's midnight, Sunday is late).
      if (!ownDayInTime(day, pathway ? cutOff : latestSitting + 1)) {
        noteRiskChange(context, latestSitting - DAY_MS);
        late.push(key);
        datedLate++;
        // While the later candidate keeps the Match, the card's own decision, in the same words.
        const keep = pathway || due === null ? null : bookedLateCase(context, key, day, due);
        if (keep !== null) {
          const after =
            feeds === undefined
              ? ", after our projected rank order list deadline"
              : fedBy(context, feeds, dates);
          const expected = shiftDays(day, context.zone, reportDays);
          details.push(bookedLateRiskWords(context, key, subject, keep, expected, after));
          const moved = keep.kind === "moveToLater" ? startOfLocalDate(context.zone, keep.laterDay) : day;
          lateResultAt = Math.max(lateResultAt, resultDayEnd(context, moved, reportDays));
          continue;
        }
        // Still movable to the later candidate's last sitting day: the hedge while that day's result fits.
        const movable = pathway ? null : laterLastSittingStart(context, key);
        const sitting = movable === null ? day : Math.min(day, movable);
        lateResultAt = Math.max(
          lateResultAt,
          pathway ? Infinity : resultDayEnd(context, sitting, reportDays),
        );
        // Around the sitting's own date plus the allowance, in every zone, as booked-after-target
        // says it (Kolkata read Mon 1 Feb, an ET day, for 12 Jan + 21 days).
        details.push(
          // With the last safe day gone, the sitting booked is still a chance.
          !pathway && feeds === undefined && now > latestSitting
            ? `${expectedAfterDeadline(context, subject, key, shiftDays(day, context.zone, reportDays))}: book an earlier date if one is open`
            : `Your ${subject}${retakeWord(context, key)} on ${renderDate(context.entries.get(key)?.date ?? "")} would be ${pathway ? "decided" : "reported"} around ${renderDate(localDate(context.zone, shiftDays(day, context.zone, reportDays)))}${feeds === undefined ? "" : fedBy(context, feeds, dates)}: move it earlier and ${(key === "oet_medicine" ? oetMoveBy(context, cutOff, mark) : null) ?? latestBy(context, pathway, cutOff, mark)}`,
        );
      } else if (shiftDays(day, context.zone, WARNING_WITHIN_DAYS) > latestSitting) {
        // Within the last two weeks by the calendar, from the sitting's day: 24-hour days crossing a
        // DST end fell an hour short of the last day's end, and the sitting 13 days before it had no warning.
        atRisk.push(key);
        const date = context.entries.get(key)?.date ?? "";
        // A Pathway deadline within that very day (6:00 PM ET is Sunday 1:00 AM in Cairo) leaves
        // only its first hours: said with its hour. An exam's last day is a whole day.
        const within = pathway && localDate(context.zone, cutOff) === date;
        // From a day before, lastDayBy says "today" or "tonight" (byDay's dueToday).
        if (within) noteRiskChange(context, cutOff - DAY_MS);
        details.push(
          `Your ${subject}${retakeWord(context, key)} on ${renderDate(date)} leaves little margin; keep that date${within ? ` and submit it ${lastDayBy(context, cutOff)}${mark}, its deadline` : ""}`,
        );
      }
      continue;
    }
    // Taken: the result is missing; one expected after the deadline may come sooner.
    if (day !== null && !pathway && feeds === undefined && day > latestSitting && day < rol) {
      late.push(key);
      lateResultAt = Math.max(lateResultAt, resultDayEnd(context, day, reportDays));
      datedLate++;
      const expected = expectedAfterDeadline(context, subject, key, shiftDays(day, context.zone, reportDays));
      details.push(`${expected}: tell us the result when it arrives`);
    }
    if (day !== null) continue;
    if (pathway) {
      const parts = { late, atRisk, details, preparation };
      if (pathwayNotSubmitted(context, dates, latestSitting, parts, mark)) reviewSaid = true;
      continue;
    }
    // Not booked: the usual remaining preparation (advice; half of it once under way) before the sitting.
    const lead = entry.leadTimeDays.days;
    const underWay = statusAt(context, index) === "in_progress";
    // Booked with no date: no study or seat to count, only its day to ask for near the last one.
    const booked = !pathway && bookedUndatedAt(context, index);
    // A retake needs no study again; FSMB's permit before its seat is feasibility's (examAt), which
    // moves the plan once the permit no longer comes before the last sitting day.
    const prep = isRetake(context, key) || booked ? 0 : preparationLeftDays(lead, underWay);
    // An undated Pathway in progress may be submitted already: say only what is known.
    const notSubmitted = prep < lead ? "not recorded as submitted" : "not submitted";
    // 1 day: from then latestBy says its day with its hour (byDay's dueToday).
    for (const days of [0, 1, prep, WARNING_WITHIN_DAYS])
      noteRiskChange(context, latestSitting - days * DAY_MS);
    if (!pathway) noteRiskChange(context, latestSitting + 1);
    if (fastestOnly) {
      atRisk.push(key);
      critical = true;
      details.push(fastestPaceWords(context, key, cutOff, preparation, mark));
    } else if (anySeat) {
      // The usual week for a seat no longer fits: in reach only on any seat by the last day.
      atRisk.push(key);
      critical = true;
      details.push(
        feeds === undefined
          ? anySeatWords(context, subject, latestBy(context, false, cutOff, mark), preparation)
          : oetAnySeatWords(context, cutOff, preparation),
      );
    } else if (booked && (now > latestSitting || now + WARNING_WITHIN_DAYS * DAY_MS > latestSitting)) {
      (now > latestSitting ? late : atRisk).push(key);
      if (now > latestSitting) lateResultAt = Infinity;
      details.push(bookedUndatedWords(subject, latestBy(context, false, cutOff, mark), now > latestSitting));
    } else if (now > latestSitting) {
      late.push(key);
      lateResultAt = Infinity;
      details.push(
        pathway
          ? `Your ${subject} is ${notSubmitted}, and even submitted today it would not be decided in time`
          : `Your ${subject} is not done, and even taken today its result would not be reported in time`,
      );
    } else if (now + prep * DAY_MS > latestSitting || now + WARNING_WITHIN_DAYS * DAY_MS > latestSitting) {
      atRisk.push(key);
      // A warning: at the fastest pace it still makes the deadline (else the season is out of
      // reach), so the words say what to do by when, never "too late".
      // Not begun, with an interview for the Match: in reach without study, tight.
      const tight =
        now + prep * DAY_MS > latestSitting
          ? tightStudyWords(context, key, cutOff, latestSitting, preparation, mark)
          : null;
      if (tight !== null) {
        details.push(tight);
        tightened = true;
        // Its last week is critical, as an exam under way's (onlyOnAnySeat).
        const lastWeek = latestSitting - EXAM_BOOKING_DAYS * DAY_MS;
        noteRiskChange(context, lastWeek);
        // Asked of a registered applicant (no interview): the answer decides whether this Match
        // stays in reach, so it is put first, before the registration fees of a lost season grow.
        if (now > lastWeek || !interviewingForMatch(context)) critical = true;
        continue;
      }
      const by = latestBy(context, pathway, cutOff, mark);
      details.push(
        now + prep * DAY_MS > latestSitting
          ? `Your ${subject} is ${pathway ? notSubmitted : "not booked"}; ${preparationWords(lead, underWay)}, our advice, would run past the last day that still works, so prepare faster and ${by}`
          : `Your ${subject} is ${pathway ? notSubmitted : "not booked"}; ${by}, so ${pathway ? "submit it" : "book it"} soon`,
      );
      addSource(preparation, citationSource(entry.leadTimeDays));
    }
  }
  if (late.length > 0 || atRisk.length > 0) {
    if (tightened) details.push(stillTargetWords(context));
    const sources: string[] = [];
    const deadline = `${when(context, rol)}${citeSeasonDate(rolDate, sources)}`;
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
    const milestones = late.concat(atRisk);
    const leads = leadTimes(milestones, sources, reviewSaid);
    for (const source of preparation) addSource(sources, source);
    // A booked-late result that would fit the later candidate names it.
    const hedge =
      late.length > 0 && datedLate === late.length && lateResultAt !== Infinity
        ? laterCandidateHedge(context, rolDate, lateResultAt)
        : "";
    return {
      code: "EXAMS_LATE_FOR_RANKING",
      severity: late.length > 0 || critical ? "critical" : "warning",
      message: `${lateStepSentences(details)}. ECFMG must confirm Step 1, Step 2 CK and the Pathway to NRMP by the rank order list deadline, ${deadline}, or you are withdrawn from the Match${hedge}.${leads}`,
      milestones,
      sources,
    };
  }
  return null;
}

/** The last instant of the applicant's local day `reportDays` after the sitting `day` (its local midnight). */
function resultDayEnd(context: PlanContext, day: number, reportDays: number): number {
  return shiftDays(day, context.zone, reportDays + 1) - 1;
}
