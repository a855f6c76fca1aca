import {
  CHECKED_FOR_RANKING,
  catalogEntry,
  FEEDS_RANKING,
  MILESTONE_CATALOG,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE, localDate, renderDate, renderEt, renderInZone } from "../time.ts";
import { SCORE_REPORTING_DAYS, WARNING_WITHIN_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import {
  certificateAskedAfterMatchRisk,
  certificationAfterStartRisk,
} from "./certification-after-start-risk.ts";
import { applies, isFinished, isSatisfied, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL, plannedDayAt } from "./earliest-certification.ts";
import type { Feasibility } from "./feasibility.ts";
import { citeSeasonDate, dayByPassed, notFeasibleRisk, pathwayProjectedRisk } from "./feasibility-risk.ts";
import { ineligibleSchoolMessage } from "./first-gate.ts";
import { proclamationRisks, step3Risks, visaUndecidedRisks } from "./h1b-risk.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import {
  expectedAfterDeadline,
  fastestPaceWords,
  fedBy,
  lateStepSentences,
  latestBy,
  leadTimes,
  onlyAtFastestPace,
  PATHWAY_REVIEW_WORDS,
  pathwayNotSubmitted,
  subjectOf,
} from "./late-for-ranking-words.ts";
import { lateStepRisks } from "./late-step-risks.ts";
import { matchDayNotReportedRisks, matchOverUnreported } from "./match-day-risk.ts";
import { lastDayRisk } from "./match-year-last-day.ts";
import { implausibleMatchYearRisk } from "./match-year-risk.ts";
import { oetScoreAgeRisks } from "./oet-score-age-risk.ts";
import { orderRisks } from "./ordering.ts";
import { pathwayCertificateRisks } from "./pathway-certificate-risk.ts";
import { planDates } from "./plan-dates.ts";
import { rankingMayOpenLaterRisks } from "./ranking-may-open-later-risk.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { scheduledDatePassedRisk } from "./scheduled-date-passed.ts";
import { seasonIsOver, seasonOverRisk } from "./season-over-risk.ts";
import { startDelayedRisks } from "./start-delayed-risk.ts";
import { visaStartRisks } from "./visa-start-risk.ts";

const NRMP_DATES_URL = "http://www.nrmp.org/residency/main-match-events/";

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
const CERTIFICATION_INDEX = stepIndex("ecfmg_certification");
const STEP3_INDEX = stepIndex("usmle_step3");
function when(context: PlanContext, at: number): string {
  return `${renderInZone(context.zone, at)} (${renderEt(at)})`;
}

/** Every risk rule, in RISK_CODES order; critical before warning. Each rule is a pure check. */
export function assessRisks(context: PlanContext, dates: PlanDates, feasibility: Feasibility): Risk[] {
  const risks: Risk[] = [];
  const { calendar, now, applicant } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const ineligible = context.eligibility === "ineligible";
  // Neither an ineligible school nor an out-of-reach season should push anyone to pay this season's fees.
  const pushFees = !ineligible && !feasibility.infeasible;
  // Out of reach at its deadline, the season stays MATCH_YEAR_NOT_FEASIBLE after it (assessFeasibility).
  const seasonOver = !feasibility.infeasible && seasonIsOver(context);

  if (ineligible) {
    const blocked = MILESTONE_CATALOG.filter(
      (entry) => entry.needsEcfmgEligibleSchool && applies(context, entry),
    );
    risks.push({
      code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
      severity: "critical",
      message: ineligibleSchoolMessage(context),
      milestones: [SCHOOL_CHECK.key, ...blocked.map((entry) => entry.key)],
      sources: [citationSource(SCHOOL_CHECK)],
    });
  }

  // Once the deadline has passed, a refused list is SEASON_OVER's to explain: "certify it by" a past
  // date would be advice for a list that has closed (tester s5, issue 15 B2).
  if (context.rolRefused !== null && now <= rol) {
    const opens = calendar.dates.nrmp_rank_order_list_entry_opens;
    const { reason, date } = context.rolRefused;
    const opened = now >= opens.at;
    const said =
      reason === "undated"
        ? "Your rank order list is marked certified without a date, but ranking has not opened yet"
        : reason === "after-deadline"
          ? `Your rank order list is dated ${date}, after the rank order list deadline`
          : reason === "future"
            ? `Your rank order list is marked certified on ${date}, a date still to come`
            : `Your rank order list is dated ${date}, before ranking ${opened ? "opened" : "opens"}`;
    const sources: string[] = [];
    const opening = `${when(context, opens.at)}${citeSeasonDate(opens, NRMP_DATES_URL, sources)}`;
    // Once ranking has opened the list can be certified now: the words say so (issue 9 leftover d).
    // Each reason has its own words: the opening is named only where it is the reason, or where it
    // is still ahead (tester t9g issue 9 A1: "after the deadline" came with before-opening words).
    const ask =
      reason === "after-deadline" || (reason === "future" && opened)
        ? `${reason === "future" ? "a list counts from the day you certify it" : `the deadline is ${when(context, rol)}, your day ${renderDate(localDate(context.zone, rol))}, and a list certified after it cannot count for the ${calendar.matchYear} Match`}, so it is not counted. ${opened ? "Ranking is open: if your list is not certified in R3 yet, certify it now" : `Ranking opens on ${opening}: certify your list in R3 from then`}, by ${when(context, rol)}, and tell us the day you certified it.`
        : opened
          ? `ranking opened on ${opening} and a list cannot be certified before then, so it is not counted. Ranking is open: enter your list in R3 and certify it again now, by ${when(context, rol)}, and tell us the day you certified it.`
          : `ranking opens on ${opening} and a list cannot be certified before then, so it is not counted. Enter and certify it in R3 once ranking opens, by ${when(context, rol)}, and tell us the day you certified it.`;
    risks.push({
      code: "ROL_BEFORE_RANKING_OPENS",
      severity: "critical",
      sources,
      message: `${said}; ${ask}`,
      milestones: ["rank_order_list"],
    });
  }

  const implausible = implausibleMatchYearRisk(context);
  if (implausible !== null) risks.push(implausible);

  if (!ineligible && feasibility.infeasible) {
    risks.push(notFeasibleRisk(context, feasibility));
  }
  const last = !ineligible && !seasonOver && now <= rol ? lastWorkingInstant(context, feasibility) : null;
  if (last !== null) risks.push(lastDayRisk(context, last));
  // Out of reach for a missed Pathway deadline, MATCH_YEAR_NOT_FEASIBLE says it (tester t9j F4).
  if (!ineligible && !seasonOver && now <= rol && !feasibility.infeasible && feasibility.pathwayLate !== null)
    risks.push(pathwayProjectedRisk(context, feasibility.pathwayLate));

  if (!ineligible && !seasonOver && now <= rol && !feasibility.infeasible) {
    const late: StepSubject[] = [];
    const atRisk: StepSubject[] = [];
    const details: string[] = [];
    // The preparation allowances the details rely on (advice, from the catalog), for `sources`.
    const preparation: string[] = [];
    // An exam in reach only at its fastest pace makes the risk critical too (tester t9l F16).
    let critical = false;
    for (const { key, index, entry, feeds, feedsIndex } of CHECKED) {
      if (isFinished(statusAt(context, index)) || !applies(context, entry)) continue;
      // A result the Pathway needs (OET) is checked only when booked ahead (tester s8 issue 14b
      // B1): an unbooked one shows its own deadline, and the Pathway's own check says the rest.
      const day = plannedDayAt(context, index);
      // The latest sitting whose result still reaches NRMP in time: the step's own deadline (the
      // catalog's one allowance for the result, the same date the step and its reminders show).
      const latestSitting = dates.dueAt(index)?.at ?? shiftDays(rol, ET_ZONE, -SCORE_REPORTING_DAYS);
      // An unbooked one in reach only at its fastest preparation is checked too (tester t9l F16).
      const fastestOnly = feeds !== undefined && onlyAtFastestPace(context, key, day, latestSitting);
      if (
        feeds !== undefined &&
        ((day === null && !fastestOnly) ||
          (day !== null && day < now) ||
          isFinished(statusAt(context, feedsIndex)))
      )
        continue;
      const reportDays = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
      const subject = subjectOf(key);
      const pathway = key === "ecfmg_pathway";
      if (day !== null && day >= now) {
        noteRiskChange(context, day);
        if (day > latestSitting) {
          noteRiskChange(context, latestSitting - DAY_MS);
          late.push(key);
          // Around the sitting's own date plus the allowance, in every zone, as booked-after-target
          // says it (tester t9l F8 C: Kolkata read Mon 1 Feb, an ET day, for 12 Jan + 21 days).
          details.push(
            // With the last safe day gone, the sitting booked is still a chance (t9l F14).
            !pathway && feeds === undefined && dayByPassed(context, latestSitting)
              ? `${expectedAfterDeadline(context, subject, key, shiftDays(day, context.zone, reportDays))}: book an earlier date if one is open`
              : `Your ${subject} on ${renderDate(context.entries.get(key)?.date ?? "")} would be ${pathway ? "decided" : "reported"} around ${renderDate(localDate(context.zone, shiftDays(day, context.zone, reportDays)))}${feeds === undefined ? "" : fedBy(context, feeds, dates)}: move it earlier and ${latestBy(context, pathway, latestSitting)}`,
          );
        } else if (day + WARNING_WITHIN_DAYS * DAY_MS > latestSitting) {
          atRisk.push(key);
          details.push(
            `Your ${subject} on ${renderDate(context.entries.get(key)?.date ?? "")} leaves little margin; keep that date`,
          );
        }
        continue;
      }
      // Taken: the result is missing; one expected after the deadline may come sooner (t9l F14).
      if (day !== null && !pathway && feeds === undefined && day > latestSitting && day < rol) {
        late.push(key);
        const expected = expectedAfterDeadline(context, subject, key, day + reportDays * DAY_MS);
        details.push(`${expected}: tell us the result when it arrives`);
      }
      if (day !== null) continue;
      if (pathway) {
        pathwayNotSubmitted(context, dates, latestSitting, { late, atRisk, details, preparation });
        continue;
      }
      // Not booked: the usual remaining preparation (advice; half of it once under way) before the sitting.
      const lead = entry.leadTimeDays.days;
      const prep = statusAt(context, index) === "in_progress" ? Math.ceil(lead / 2) : lead;
      // An undated Pathway in progress may be submitted already: say what is known (C5).
      const notSubmitted = prep < lead ? "not recorded as submitted" : "not submitted";
      // 1 day: from then latestBy says its day with its hour (byDay's dueToday, tester t9l F7).
      for (const days of [0, 1, prep, WARNING_WITHIN_DAYS])
        noteRiskChange(context, latestSitting - days * DAY_MS);
      if (fastestOnly) {
        atRisk.push(key);
        critical = true;
        details.push(fastestPaceWords(context, key, latestSitting, preparation));
      } else if (now > latestSitting) {
        late.push(key);
        details.push(
          pathway
            ? `Your ${subject} is ${notSubmitted}, and even submitted today it would not be decided in time`
            : `Your ${subject} is not done, and even taken today its result would not be reported in time`,
        );
      } else if (now + prep * DAY_MS > latestSitting || now + WARNING_WITHIN_DAYS * DAY_MS > latestSitting) {
        atRisk.push(key);
        // A warning: at the fastest pace it still makes the deadline (else the season is out of
        // reach), so the words say what to do by when, never "too late" (tester s5 issue 14 C4).
        const by = latestBy(context, pathway, latestSitting);
        details.push(
          now + prep * DAY_MS > latestSitting
            ? `Your ${subject} is ${pathway ? notSubmitted : "not booked"}; the usual ${prep} days of preparation would run past the last day that still works, so prepare faster and ${by}`
            : `Your ${subject} is ${pathway ? notSubmitted : "not booked"}; ${by}, so ${pathway ? "submit it" : "book it"} soon`,
        );
        addSource(preparation, citationSource(entry.leadTimeDays));
      }
    }
    if (late.length > 0 || atRisk.length > 0) {
      const sources: string[] = [];
      const deadline = `${when(context, rol)}${citeSeasonDate(rolDate, "", sources)}`;
      addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
      const leads = leadTimes(
        [...late, ...atRisk],
        sources,
        details.some((detail) => detail.includes(PATHWAY_REVIEW_WORDS)),
      );
      for (const source of preparation) addSource(sources, source);
      risks.push({
        code: "EXAMS_LATE_FOR_RANKING",
        severity: late.length > 0 || critical ? "critical" : "warning",
        message: `${lateStepSentences(details)}. ECFMG must confirm Step 1, Step 2 CK and the Pathway to NRMP by the rank order list deadline, ${deadline}, or you are withdrawn from the Match.${leads}`,
        milestones: [...late, ...atRisk],
        sources,
      });
    }
  }

  // Only for a Match still planned: when it is out of reach (MATCH_YEAR_NOT_FEASIBLE), over without
  // a certified list (SEASON_OVER), or over with its result never told (matchOverUnreported, tester
  // t9j F2), "that Match stays planned" would contradict the plan (s4 #15 item 5).
  const matchStillPlanned = !seasonOver && !feasibility.infeasible && !matchOverUnreported(context);
  if (!ineligible && matchStillPlanned && !isFinished(statusAt(context, CERTIFICATION_INDEX))) {
    const late = certificationAfterStartRisk(context, dates);
    if (late !== null) risks.push(late);
  } else if (
    !ineligible &&
    !seasonOver &&
    !feasibility.infeasible &&
    matchOverUnreported(context) &&
    !isFinished(statusAt(context, CERTIFICATION_INDEX))
  ) {
    // With nothing outstanding the question stands whatever the instant (tester t9k F2).
    const asked = certificateAskedAfterMatchRisk(context);
    if (asked !== null) risks.push(asked);
  }

  const passedDate = ineligible ? null : scheduledDatePassedRisk(context, dates, feasibility.infeasible);
  if (passedDate !== null) risks.push(passedDate);

  // Ranking on H-1B is decided by the rank order list deadline; after it the risk is moot (the
  // petition step still asks for Step 3's result), and a critical "rank J-1 programs instead" for a
  // closed list inflated the advisor's critical count (tester s5, issue 15 B2).
  // A Match out of reach is planned for the earliest feasible one: ranking on H-1B is judged for
  // that Match, on its dates (tester t9j F11: the 2027 Match's verdict beside a plan for 2028),
  // still only until this Match's list closes (stale-risks.test.ts).
  const h1b = feasibility.infeasible ? laterMatch(context, feasibility.earliestMatchYear) : null;
  if (!ineligible && applicant.visa === "H-1B" && !isFinished(statusAt(context, STEP3_INDEX)) && now <= rol) {
    risks.push(...step3Risks(h1b?.context ?? context, h1b?.dates ?? dates, feasibility.readyAt));
  }
  if (!ineligible) risks.push(...proclamationRisks(context));
  if (!ineligible && matchStillPlanned)
    risks.push(...visaUndecidedRisks(context, dates, feasibility.readyAt));
  risks.push(...pathwayCertificateRisks(context), ...rankingMayOpenLaterRisks(context));
  if (!ineligible && !seasonOver)
    risks.push(
      ...oetScoreAgeRisks(
        context,
        feasibility.infeasible ? feasibility.earliestMatchYear : calendar.matchYear,
      ),
    );
  if (!ineligible) risks.push(...visaStartRisks(context, dates), ...startDelayedRisks(context));
  // Match Day's question is the step's: while a gate blocks the step (the Match out of reach, the
  // school's listing unchecked) the risk would ask what the plan holds back (t9j F1 golden sample).
  const matchDayGated =
    feasibility.infeasible ||
    (context.eligibility === "unchecked" && !isSatisfied(context, SCHOOL_CHECK.key));
  if (!ineligible && !matchDayGated) risks.push(...matchDayNotReportedRisks(context, dates));

  if (pushFees) risks.push(...lateStepRisks(context, seasonOver));

  if (seasonOver && !ineligible) risks.push(seasonOverRisk(context));

  return orderRisks(risks);
}

/** The context and dates of a later Match (the one an out-of-reach plan is dated for). */
function laterMatch(context: PlanContext, year: number): { context: PlanContext; dates: PlanDates } {
  const later = { ...context, calendar: seasonCalendar(year) };
  return { context: later, dates: planDates(later) };
}
