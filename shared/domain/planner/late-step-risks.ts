import { BoundedMemo } from "../bounded-memo.ts";
import { FEES } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { DAY_MS } from "../time.ts";
import {
  INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS,
  INTERVIEW_SEASON_SOURCES,
  WARNING_WITHIN_DAYS,
} from "./advice.ts";
import { contradictedAnswers } from "./answers-contradict-interview.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { when } from "./day-words.ts";
import {
  type ErasPlanned,
  erasPlanned,
  erasPlannedComing,
  erasPlannedPassed,
  erasPlannedWellPast,
} from "./eras-planned-day.ts";
import { feePaid } from "./fees-paid.ts";
import { interviewingForMatch } from "./interviewing.ts";
import type { LateStepRule, Said } from "./late-step-rule.ts";
import { lowerFirst } from "./lower-first.ts";
import { nextMatch } from "./next-match.ts";
import { INTERVIEWING_WORDS } from "./nrmp-late-fee-kind.ts";
import { nrmpAskedWords, nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { applyingWords, erasWellPast, movingWords, nrmpWhileWeighing } from "./nrmp-while-weighing.ts";
import { nrmpPlannedAtCloseRisk } from "./planned-at-close.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/** The NRMP late registration fee as the fee table cites it: the late-fee warning names its amount and source. */
const NRMP_LATE_FEE = (() => {
  const fee = FEES.find((candidate) => candidate.key === "nrmp_late_fee");
  if (fee === undefined || !("amountUsd" in fee)) throw new Error("fees.json has no flat nrmp_late_fee");
  return fee;
})();

const LATE_STEP_RULES: readonly LateStepRule[] = [
  {
    code: "NRMP_LATE_FEE",
    milestone: "nrmp_registration",
    dateKey: "nrmp_early_registration_deadline_late_fee_after",
    until: "rank-order-list-deadline",
    passedSeverity: "warning",
    // The fee is official (NRMP, 2023) but it applies only after the early deadline: while that
    // date is projected, the fee is said as "may", never as fact.
    passed: ({ date, rol, projected }) =>
      `The NRMP early registration deadline passed on ${date}: registering now ${projected ? "may cost" : "costs"} a ${usd(NRMP_LATE_FEE.amountUsd)} late fee (${NRMP_LATE_FEE.basis === "official" ? "NRMP's" : "a secondary source's"} figure as of ${NRMP_LATE_FEE.asOf.slice(0, 4)})${projected ? "; the deadline is projected, so check in R3 when you register whether the fee applies" : ""}. Late registration closes ${rol}.`,
    sources: [NRMP_LATE_FEE.source],
    coming: ({ date }) => `Register with NRMP before ${date} to avoid the late fee.`,
    // Interviewing and not registered: only a certified rank order list matches, and NRMP
    // registration comes before it (official: the rank order list's prerequisite in the catalog).
    interviewing: {
      severity: "critical",
      passed: ({ date, rol, projected, matchYear }) =>
        `You have interviews for the ${matchYear} ${INTERVIEWING_WORDS}: register in R3 now. You cannot certify a rank order list, and so cannot match, until you are registered. The early registration deadline passed on ${date}, so the ${usd(NRMP_LATE_FEE.amountUsd)} late fee (${NRMP_LATE_FEE.basis === "official" ? "NRMP's" : "a secondary source's"} figure as of ${NRMP_LATE_FEE.asOf.slice(0, 4)}) ${projected ? "may apply" : "applies"} on top of the registration fee${projected ? " (the deadline is projected: R3 shows whether the fee is charged)" : ""}. Late registration closes ${rol}, but do not wait for it: programs may certify their lists before you appear in R3.`,
    },
  },
  {
    code: "ERAS_LATE_SUBMISSION",
    milestone: "eras_application",
    dateKey: "eras_programs_may_review_applications_and_mspe",
    until: "season-over",
    passedSeverity: "critical",
    passed: ({ date, planned }) =>
      planned === undefined
        ? `Programs began reviewing applications on ${date} and yours is not submitted; submit as soon as possible.`
        : erasPlannedPassed(date, planned),
    coming: ({ date, planned }) =>
      `Programs begin reviewing applications on ${date}; submit before then.${erasPlannedComing(planned)}`,
    sources: [],
    // Interviewing for this Match (an application reported under way): never "weigh the next Match",
    // however late; one reported not started is asked about instead (contradictedAnswers).
    interviewing: {
      severity: "critical",
      passed: ({ date, matchYear }) =>
        `Programs began reviewing applications on ${date} and yours is not submitted, yet you have an interview for the ${matchYear} Match: submit it now so the programs that interview you have your application.`,
    },
    // A late applicant, often a re-applicant after an unmatched season.
    wellPast: {
      afterDays: INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS,
      // A paid ERAS token is one season's (catalog `redoneEachSeason`): the next Match needs a new one.
      passed: ({ date, planned }, next, paid) =>
        `${erasPlannedWellPast(date, planned)} Most interview invitations have gone out by now: an application today reaches only programs with interview places left. Before you pay ERAS ${paid ? "application " : ""}fees for this Match, weigh applying early for the ${next.matchYear} Match instead (applications open ${next.submit})${paid ? `; the ERAS token you paid is for the ${next.matchYear - 1} Match only; the ${next.matchYear} Match needs a new one` : ""}.`,
      paidStep: "eras_token",
      sources: INTERVIEW_SEASON_SOURCES,
    },
  },
];

/**
 * ERAS_LATE_SUBMISSION's advice has turned from "submit now" to "weigh the next Match": the ERAS
 * application is open more than INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS (advice) after programs began
 * reviewing. The same test as the risk's message, so a notice's title agrees with its text.
 */
export function erasSubmissionWellPast(context: PlanContext): boolean {
  // Interviewing, the advice stays "submit now", and so does the notice's title.
  return erasWellPast(context);
}

/**
 * NRMP_LATE_FEE and ERAS_LATE_SUBMISSION: for each open step whose rule still speaks, a warning
 * within WARNING_WITHIN_DAYS before its season date and a risk once the date has passed. The
 * caller decides whether fees may be pushed at all (an ineligible school, an out-of-reach season).
 */
export function lateStepRisks(context: PlanContext, seasonOver: boolean): Risk[] {
  const { calendar, now } = context;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const risks: Risk[] = [];
  for (let index = 0; index < LATE_STEP_RULES.length; index++) {
    const rule = LATE_STEP_RULES[index] as LateStepRule;
    const step = RULE_STEPS[index] as number;
    if (isFinished(statusAt(context, step))) continue;
    // An answer the interview contradicts (ERAS "not started") is asked about instead.
    if (context.interviews.length > 0 && contradictedAnswers(context).includes(step)) continue;
    if (rule.until === "rank-order-list-deadline" ? now > rol : seasonOver) continue;
    const at = calendar.dates[rule.dateKey].at;
    noteRiskChange(context, at - WARNING_WITHIN_DAYS * DAY_MS);
    // Planned for the day registration closes or later: the Match, not the fee, is at stake. A day
    // after it is too late the day it is given, so said then, before the early deadline too.
    const planned = rule.code === "NRMP_LATE_FEE" ? nrmpPlannedAtCloseRisk(context, now > at) : null;
    if (planned !== null) {
      risks.push(planned);
      continue;
    }
    const phase =
      now > at
        ? rule.wellPast !== undefined && now - at > rule.wellPast.afterDays * DAY_MS
          ? WELL_PAST
          : PASSED
        : at - now <= WARNING_WITHIN_DAYS * DAY_MS
          ? COMING
          : undefined;
    const paid =
      phase === WELL_PAST && rule.wellPast !== undefined && feePaid(context, rule.wellPast.paidStep);
    // Interviewing, the passed date's risk is the Match itself, long past too.
    // Never reported, the NRMP registration is asked about, not said to be missing.
    const pressing =
      (phase === PASSED || phase === WELL_PAST) &&
      rule.interviewing !== undefined &&
      interviewingForMatch(context)
        ? rule.code === "NRMP_LATE_FEE" && nrmpRegistrationAsked(context)
          ? ASKED
          : INTERVIEWING
        : phase;
    // Beside ERAS_LATE_SUBMISSION's "weigh the next Match", NRMP's push says that condition.
    const weighing =
      rule.code === "NRMP_LATE_FEE" &&
      (pressing === COMING || pressing === PASSED) &&
      nrmpWhileWeighing(context);
    if (pressing === undefined) continue;
    const shown = weighing ? pressing + WEIGHING : pressing;
    // A planned ERAS application's words name its day where they differ: made for this plan, not shared.
    const erasPlan =
      rule.code === "ERAS_LATE_SUBMISSION" && pressing !== INTERVIEWING ? erasPlanned(context, at) : null;
    const named =
      erasPlan !== null &&
      (erasPlan.passed || pressing === PASSED || (pressing === COMING && erasPlan.afterReview));
    risks.push(
      named ? riskOf(context, rule, shown, paid, erasPlan) : lateStepRisk(context, index, shown, paid),
    );
  }
  return risks;
}

/** Where a rule's date stands at `now`: just ahead (a warning), passed, or long passed (wellPast). */
const COMING = 0;
const PASSED = 1;
const WELL_PAST = 2;
/** Passed, with an interview for this Match (the rule's `interviewing` words). */
const INTERVIEWING = 3;
/** INTERVIEWING, NRMP registration never reported: the question (nrmpAskedWords). */
const ASKED = 4;
/** Added to COMING or PASSED: said on the condition the plan weighs (nrmpWhileWeighing). */
const WEIGHING = 5;
type Phase = number;
const PHASES = 7;

/** Each rule's step by catalog index, for statusAt. */
const RULE_STEPS: readonly number[] = LATE_STEP_RULES.map((rule) => stepIndex(rule.milestone));

/**
 * A rule's risk in a phase reads only the season (its dates, the next Match's), the zone, the
 * phase and whether the fee its words name is paid, never `now` itself: made once per calendar, zone, rule and phase and shared, frozen, by
 * the plans that get it (the two zone renderings and the citations per rule per plan showed in
 * the planner bench's profile). Zones per calendar are bounded (BoundedMemo).
 */
const madeRisks = new WeakMap<SeasonCalendar, BoundedMemo<string, (Risk | undefined)[]>>();

function lateStepRisk(context: PlanContext, index: number, phase: Phase, paid: boolean): Risk {
  let byZone = madeRisks.get(context.calendar);
  if (byZone === undefined) {
    byZone = new BoundedMemo(1_000);
    madeRisks.set(context.calendar, byZone);
  }
  let made = byZone.get(context.zone);
  if (made === undefined) made = byZone.keep(context.zone, []);
  const slot = (index * PHASES + phase) * 2 + (paid ? 1 : 0);
  let risk = made[slot];
  if (risk === undefined) {
    risk = riskOf(context, LATE_STEP_RULES[index] as LateStepRule, phase, paid);
    made[slot] = risk;
  }
  return risk;
}

function riskOf(
  context: PlanContext,
  rule: LateStepRule,
  phase: Phase,
  paid: boolean,
  planned: ErasPlanned | null = null,
): Risk {
  const { calendar } = context;
  const seasonDate = calendar.dates[rule.dateKey];
  const sources: string[] = [];
  // The rank order list deadline is marked "(projected)" as the rule's own date is
  // (Done 2: "Late registration closes Wed 23 Feb 2028, 9:00 PM ET." for a projected 2028); its
  // citation joins the sources only when the words name it (below).
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rolSources: string[] = [];
  const said: Said = {
    date: `${when(context, seasonDate.at)}${citeSeasonDate(seasonDate, sources)}`,
    rol: `${when(context, rolDate.at)}${citeSeasonDate(rolDate, rolSources)}`,
    projected: seasonDate.status === "projected",
    matchYear: calendar.matchYear,
    ...(planned === null ? {} : { planned }),
  };
  if (phase === COMING || phase === COMING + WEIGHING) {
    const coming = rule.coming(said);
    return Object.freeze({
      code: rule.code,
      severity: "warning",
      message:
        phase === COMING
          ? coming
          : `${applyingWords(context)}, ${lowerFirst(coming).slice(0, -1)}; ${movingWords(context)}.`,
      milestones: Object.freeze([rule.milestone]) as Risk["milestones"],
      sources: Object.freeze(sources) as string[],
    });
  }
  const wellPast = phase === WELL_PAST ? rule.wellPast : undefined;
  const interviewing = phase === INTERVIEWING || phase === ASKED ? rule.interviewing : undefined;
  const message =
    phase === ASKED
      ? `${nrmpAskedWords(context, seasonDate.at, said.projected)} Late registration closes ${said.rol}, but do not wait for it: programs may certify their lists before you appear in R3.`
      : interviewing !== undefined
        ? interviewing.passed(said)
        : phase === PASSED + WEIGHING
          ? `${applyingWords(context)}: ${lowerFirst(rule.passed(said)).slice(0, -1)}; ${movingWords(context)}.`
          : wellPast === undefined
            ? rule.passed(said)
            : wellPast.passed(said, nextMatch(context, sources), paid);
  if (message.includes(said.rol)) for (const source of rolSources) addSource(sources, source);
  for (const source of [...rule.sources, ...(wellPast?.sources ?? [])])
    if (!sources.includes(source)) sources.push(source);
  return Object.freeze({
    code: rule.code,
    severity: interviewing?.severity ?? rule.passedSeverity,
    message,
    milestones: Object.freeze([rule.milestone]) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}
