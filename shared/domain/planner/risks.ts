import {
  CHECKED_FOR_RANKING,
  catalogEntry,
  FEEDS_RANKING,
  MILESTONE_CATALOG,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, renderDate, renderEt, renderInZone } from "../time.ts";
import {
  DIPLOMA_VERIFICATION_DAYS,
  DIPLOMA_VERIFICATION_SOURCE,
  SCORE_REPORTING_DAYS,
  SCORE_REPORTING_SOURCE,
  WARNING_WITHIN_DAYS,
} from "./advice.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import {
  CERTIFIED_TO_START_URL,
  earliestCertification,
  NRMP_ECFMG_REQUIREMENTS_URL,
  plannedDay,
} from "./earliest-certification.ts";
import type { Feasibility } from "./feasibility.ts";
import { byDay, citeSeasonDate, dayBy, dayByPassed, notFeasibleRisk } from "./feasibility-risk.ts";
import { proclamationRisks, step3Risks, visaUndecidedRisks } from "./h1b-risk.ts";
import { lateStepRisks } from "./late-step-risks.ts";
import { implausibleMatchYearRisk } from "./match-year-risk.ts";
import { orderRisks } from "./ordering.ts";
import { scheduledDatePassedRisk } from "./own-date.ts";
import { pathwayCertificateRisks } from "./pathway-certificate-risk.ts";
import { rankingMayOpenLaterRisks } from "./ranking-may-open-later-risk.ts";
import { noteCrossing, noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { seasonIsOver, seasonOverRisk } from "./season-over-risk.ts";
import { visaStartRisks } from "./visa-start-risk.ts";

const NRMP_DATES_URL = "http://www.nrmp.org/residency/main-match-events/";
/**
 * The lead time each late step's message rests on: USMLE score reporting for the exams, the
 * Pathway's own review allowance (advice, from the catalog) for the Pathway, which is no USMLE
 * score. Their sources go to `sources`.
 */
function leadTimes(keys: readonly StepSubject[], sources: string[], reviewSaid = false): string {
  const said: string[] = [];
  // Each exam's own reporting allowance and its source (tester s11 issue 14e C3: a Step 2 CK risk
  // cited ECFMG's Step 3 note).
  const exams = keys.filter((key) => key !== "ecfmg_pathway" && !FEEDS_RANKING.has(key as MilestoneKey));
  if (exams.length > 0) {
    const allowances = exams.map((key) => catalogEntry(key as MilestoneKey).reportingDays);
    const days = Math.max(...allowances.map((allowance) => allowance?.days ?? SCORE_REPORTING_DAYS));
    said.push(` We allow up to ${days} days for a USMLE result to be reported.`);
    for (const allowance of allowances)
      addSource(sources, allowance === undefined ? SCORE_REPORTING_SOURCE : citationSource(allowance));
  }
  const pathway = catalogEntry("ecfmg_pathway").reportingDays;
  if (keys.includes("ecfmg_pathway") && pathway !== undefined) {
    // Said once: a Pathway to submit now already gives the review in its own sentence.
    if (!reviewSaid) said.push(` ECFMG's review of a Pathway application is allowed ${pathway.days} days.`);
    addSource(sources, citationSource(pathway));
  }
  // A result the Pathway needs (OET): its own allowance and its deadline's, both advice.
  for (const key of keys) {
    const entry = FEEDS_RANKING.has(key as MilestoneKey) ? catalogEntry(key as MilestoneKey) : undefined;
    if (entry?.reportingDays === undefined) continue;
    said.push(` We allow ${entry.reportingDays.days} days for ${subjectOf(entry.key)} results.`);
    addSource(sources, citationSource(entry.reportingDays));
    addSource(sources, citationSource(entry.due));
  }
  return said.join("");
}

/**
 * What a step is about, as a sentence's subject: "USMLE Step 2 CK" (not the step's title, "Pass
 * USMLE Step 2 CK"), "ECFMG Pathway application".
 */
function subjectOf(key: MilestoneKey): string {
  let subject = subjects.get(key);
  if (subject === undefined) {
    const thing = catalogEntry(key).title.replace(/^(Pass|Complete an?) /, "");
    subject = key === "ecfmg_pathway" ? `${thing} application` : thing;
    subjects.set(key, subject);
  }
  return subject;
}

/** Subjects per milestone, made once from the static catalog: a regular expression per plan showed in the profile. */
const subjects = new Map<MilestoneKey, string>();

/**
 * "take it by <day> at the latest" ("complete it" for the Pathway). Rendered only for a message
 * that says it (most plans have no exam late for ranking), by a module function rather than a
 * closure per step.
 */
function latestBy(context: PlanContext, pathway: boolean, latestSitting: number): string {
  const verb = pathway ? "complete it" : "take it";
  // A last day already gone is no instruction (tester s12 issue 9f A3: "take it by Sat 14 Nov 2026" on 20 Nov).
  return dayByPassed(context, latestSitting)
    ? `${verb} ${byDay(context, latestSitting)}`
    : `${verb} by ${dayBy(context, latestSitting)} at the latest`;
}

/** EXAMS_LATE_FOR_RANKING's parts as its checks add to them. */
interface LateParts {
  late: StepSubject[];
  atRisk: StepSubject[];
  details: string[];
  preparation: string[];
}

/**
 * The Pathway not submitted (nor dated): its one lead time is ECFMG's review once submitted with the
 * OET result (the catalog's reportingDays, advice), the allowance feasibility counts too; the step's
 * document-gathering lead (leadTimeDays) paces its reminders, not this risk (tester s12 issue 9f B1:
 * "the usual 60 days of preparation … prepare faster" beside an OET passed). Raised once the
 * deadline `latestDay` is within that review time (or WARNING_WITHIN_DAYS), or once the OET it
 * needs is past its own last day: then the OET is named as what is late.
 */
function pathwayNotSubmitted(
  context: PlanContext,
  dates: PlanDates,
  latestDay: number,
  parts: LateParts,
): void {
  const entry = catalogEntry("ecfmg_pathway");
  const review = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
  const subject = subjectOf("ecfmg_pathway");
  const notSubmitted =
    statusOf(context, "ecfmg_pathway") === "in_progress" ? "not recorded as submitted" : "not submitted";
  const oet = resultNeededBy("ecfmg_pathway");
  const oetPending =
    oet !== null && applies(context, catalogEntry(oet)) && !isFinished(statusOf(context, oet));
  const oetDue = oetPending ? dates.due(oet) : null;
  for (const days of [0, review, WARNING_WITHIN_DAYS]) noteRiskChange(context, latestDay - days * DAY_MS);
  if (oetDue !== null) noteRiskChange(context, oetDue.at);
  const { now } = context;
  if (now > latestDay) {
    parts.late.push("ecfmg_pathway");
    parts.details.push(
      `Your ${subject} is ${notSubmitted}, and even submitted today it would not be decided in time`,
    );
    return;
  }
  const oetLate = oetDue !== null && now > oetDue.at;
  if (!oetLate && now + Math.max(review, WARNING_WITHIN_DAYS) * DAY_MS <= latestDay) return;
  parts.atRisk.push("ecfmg_pathway");
  const oetSubject = oet === null ? "" : subjectOf(oet);
  parts.details.push(
    oetPending
      ? `Your ${subject} is ${notSubmitted} and needs your ${oetSubject} result, which is not in yet: the OET is what is late, so ${oet !== null && [...parts.late, ...parts.atRisk].includes(oet) ? "move it earlier as above" : plannedDay(context, oet ?? "oet_medicine") === null ? "book a sitting now" : "move your sitting earlier if you can"}, then submit the application ${byDay(context, latestDay)}`
      : `Your ${subject} is ${notSubmitted}: submit your Pathway application now, ${byDay(context, latestDay)}${dayByPassed(context, latestDay) ? "" : " at the latest"}; ${PATHWAY_REVIEW_WORDS} ${review} days`,
  );
  if (entry.reportingDays !== undefined) addSource(parts.preparation, citationSource(entry.reportingDays));
}

const PATHWAY_REVIEW_WORDS = "ECFMG's review allows about";

/** The step whose result `key` needs by its own date (FEEDS_RANKING read backwards: the OET for the Pathway). */
function resultNeededBy(key: MilestoneKey): MilestoneKey | null {
  for (const [needed, feeds] of FEEDS_RANKING) if (feeds === key) return needed;
  return null;
}

/**
 * What a late result the Pathway needs blocks (tester s8 issue 14b B1: the OET): ". Your ECFMG
 * Pathway application needs that result and is due <its deadline>, which leaves too little time to
 * submit it". The step's own deadline (advice: the time to get the result and submit) says why.
 */
function fedBy(context: PlanContext, feeds: MilestoneKey, dates: PlanDates): string {
  const due = dates.due(feeds);
  const by =
    due === null
      ? ""
      : ` and is due ${dayBy(context, due.at)}${due.status === "projected" ? " (projected)" : ""}`;
  return `. Your ${subjectOf(feeds)} needs that result${by}, which leaves too little time to submit it`;
}

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
  const residencyStart = calendar.dates.residency_start.at;
  // Out of reach at its deadline, the season stays MATCH_YEAR_NOT_FEASIBLE after it (assessFeasibility).
  const seasonOver = !feasibility.infeasible && seasonIsOver(context);

  if (ineligible) {
    const blocked = MILESTONE_CATALOG.filter(
      (entry) => entry.needsEcfmgEligibleSchool && applies(context, entry),
    );
    risks.push({
      code: "SCHOOL_NOT_ECFMG_ELIGIBLE",
      severity: "critical",
      message: SCHOOL_CHECK.ineligible.risk.replace("{school}", () => applicant.medicalSchool.name),
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
    const ask = opened
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

  if (!ineligible && !seasonOver && now <= rol && !feasibility.infeasible) {
    const late: StepSubject[] = [];
    const atRisk: StepSubject[] = [];
    const details: string[] = [];
    // The preparation allowances the details rely on (advice, from the catalog), for `sources`.
    const preparation: string[] = [];
    for (const key of CHECKED_FOR_RANKING) {
      if (isFinished(statusOf(context, key)) || !applies(context, catalogEntry(key))) continue;
      // A result the Pathway needs (OET) is checked only when booked ahead (tester s8 issue 14b
      // B1): an unbooked one shows its own deadline, and the Pathway's own check says the rest.
      const feeds = FEEDS_RANKING.get(key);
      const booked = plannedDay(context, key);
      if (feeds !== undefined && (booked === null || booked < now || isFinished(statusOf(context, feeds))))
        continue;
      // The latest sitting whose result still reaches NRMP in time: the step's own deadline (the
      // catalog's one allowance for the result, the same date the step and its reminders show).
      const latestSitting = dates.due(key)?.at ?? shiftDays(rol, ET_ZONE, -SCORE_REPORTING_DAYS);
      const reportDays = catalogEntry(key).reportingDays?.days ?? SCORE_REPORTING_DAYS;
      const day = plannedDay(context, key);
      const subject = subjectOf(key);
      const pathway = key === "ecfmg_pathway";
      if (day !== null && day >= now) {
        noteRiskChange(context, day);
        if (day > latestSitting) {
          late.push(key);
          details.push(
            `Your ${subject} on ${renderDate(context.entries.get(key)?.date ?? "")} would be ${pathway ? "decided" : "reported"} around ${dayBy(context, day + reportDays * DAY_MS)}${feeds === undefined ? "" : fedBy(context, feeds, dates)}: move it earlier and ${latestBy(context, pathway, latestSitting)}`,
          );
        } else if (day + WARNING_WITHIN_DAYS * DAY_MS > latestSitting) {
          atRisk.push(key);
          details.push(
            `Your ${subject} on ${renderDate(context.entries.get(key)?.date ?? "")} leaves little margin; keep that date`,
          );
        }
        continue;
      }
      if (day !== null) continue; // taken: the result is what is missing
      if (pathway) {
        pathwayNotSubmitted(context, dates, latestSitting, { late, atRisk, details, preparation });
        continue;
      }
      // Not booked: the usual remaining preparation (advice; half of it once under way) before the sitting.
      const lead = catalogEntry(key).leadTimeDays.days;
      const prep = statusOf(context, key) === "in_progress" ? Math.ceil(lead / 2) : lead;
      // An undated Pathway in progress may be submitted already: say what is known (C5).
      const notSubmitted = prep < lead ? "not recorded as submitted" : "not submitted";
      for (const days of [0, prep, WARNING_WITHIN_DAYS])
        noteRiskChange(context, latestSitting - days * DAY_MS);
      if (now > latestSitting) {
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
        addSource(preparation, citationSource(catalogEntry(key).leadTimeDays));
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
        severity: late.length > 0 ? "critical" : "warning",
        message: `${details.join("; ")}. ECFMG must confirm Step 1, Step 2 CK and the Pathway to NRMP by the rank order list deadline, ${deadline}, or you are withdrawn from the Match.${leads}`,
        milestones: [...late, ...atRisk],
        sources,
      });
    }
  }

  // Only for a Match still planned: when it is out of reach (MATCH_YEAR_NOT_FEASIBLE) or over without
  // a certified list (SEASON_OVER), "that Match stays planned" would contradict the plan (s4 #15 item 5).
  const matchStillPlanned = !seasonOver && !feasibility.infeasible;
  if (!ineligible && matchStillPlanned && !isFinished(statusOf(context, "ecfmg_certification"))) {
    const earliest = earliestCertification(context);
    // The certificate is needed by orientation (the milestone's due date), not only by the start.
    const needed = dates.due("ecfmg_certification")?.at ?? residencyStart;
    noteCrossing(context, earliest, needed);
    noteCrossing(context, earliest + WARNING_WITHIN_DAYS * DAY_MS, needed);
    if (earliest + WARNING_WITHIN_DAYS * DAY_MS > needed) {
      const tooLate = earliest > needed;
      risks.push({
        code: "CERTIFICATION_AFTER_START",
        severity: tooLate ? "critical" : "warning",
        message: `ECFMG certification can complete around ${when(context, earliest)} at the earliest, ${tooLate ? "after" : "just before"} ${when(context, needed)}, when you need the certificate for orientation (residency starts on ${calendar.dates.residency_start.date}): we allow your graduation on ${applicant.graduation} plus ${DIPLOMA_VERIFICATION_DAYS} days for diploma verification, and ${SCORE_REPORTING_DAYS} days for each outstanding result. You must be certified to start.${tooLate ? ` Ask your school how fast it can confirm your diploma to ECFMG, and tell the programs ${now > rol ? "on your certified list" : "you rank"}. The ${calendar.matchYear} Match stays planned: ECFMG publishes no verification time, so these allowances put it at risk, not out of reach.` : ""}`,
        milestones: ["ecfmg_certification"],
        sources: [DIPLOMA_VERIFICATION_SOURCE, SCORE_REPORTING_SOURCE, CERTIFIED_TO_START_URL],
      });
    }
  }

  const passedDate = ineligible ? null : scheduledDatePassedRisk(context, dates);
  if (passedDate !== null) risks.push(passedDate);

  // Ranking on H-1B is decided by the rank order list deadline; after it the risk is moot (the
  // petition step still asks for Step 3's result), and a critical "rank J-1 programs instead" for a
  // closed list inflated the advisor's critical count (tester s5, issue 15 B2).
  if (
    !ineligible &&
    applicant.visa === "H-1B" &&
    !isFinished(statusOf(context, "usmle_step3")) &&
    now <= rol
  ) {
    risks.push(...step3Risks(context, dates));
  }
  if (!ineligible) risks.push(...proclamationRisks(context));
  if (!ineligible && matchStillPlanned) risks.push(...visaUndecidedRisks(context, dates));
  risks.push(...pathwayCertificateRisks(context), ...rankingMayOpenLaterRisks(context));
  if (!ineligible) risks.push(...visaStartRisks(context, dates));

  if (pushFees) risks.push(...lateStepRisks(context, seasonOver));

  if (seasonOver && !ineligible) risks.push(seasonOverRisk(context));

  return orderRisks(risks);
}
