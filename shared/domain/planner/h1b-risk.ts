import { catalogEntry, FEES } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { DAY_MS, renderEt, renderInZone, startOfLocalDate } from "../time.ts";
import {
  EXAM_BOOKING_SOURCE,
  SCORE_REPORTING_DAYS,
  SCORE_REPORTING_SOURCE,
  STEP3_PROCESSING_SOURCE,
  VISITOR_VISA_WAIT_SOURCE,
} from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { earliestCertification } from "./earliest-certification.ts";
import { citeSeasonDate, dayBy } from "./feasibility-risk.ts";
import {
  h1bCertificateTarget,
  livesOutsideUs,
  step3ChainDays,
  step3LeadDays,
  step3LeadWords,
  step3VisaDays,
} from "./h1b.ts";
import { noteCrossing, noteRiskChange } from "./risk-change-instants.ts";
import { addSource } from "./risk-sources.ts";

export { proclamationRisks } from "./h1b-proclamation-risk.ts";

function when(context: PlanContext, at: number): string {
  return `${renderInZone(context.zone, at)} (${renderEt(at)})`;
}

/** Why ranking on H-1B needs Step 3 before the rank-list deadline; its sources are WHEN_PROGRAMS_DECIDE. */
const WHY_BEFORE_RANKING =
  "an H-1B for residency needs Steps 1, 2 and 3 passed, and programs decide whether to rank an applicant who needs an H-1B before the rank order list deadline";
const WHEN_PROGRAMS_DECIDE =
  "advice: programs decide on H-1B applicants before the rank order list deadline; one program's rule asks for all three Steps by Match Day: https://residency.dom.pitt.edu/visa-guidelines/";
/** Why the trip: its visa is already in the message's chain (the visitor-visa allowance), so it is not said again (issue 9 leftover c). */
const STEP3_ONLY_IN_US = " Step 3 is offered only in the US: plan the trip.";

/** The State Department's visa pages: which visa a trip to sit Step 3 needs (the visitor visa is advice). */
const US_VISAS_URL = "https://travel.state.gov/content/travel/en/us-visas.html";

/**
 * The trip's visa sentence (leading space) for an applicant abroad, citing the State Department's
 * visa pages; "" for one whose zone is in the US, who makes no trip (tester s10 issue 9d B11).
 */
function tripVisa(context: PlanContext, sources: string[]): string {
  if (!livesOutsideUs(context)) return "";
  addSource(sources, US_VISAS_URL);
  return STEP3_ONLY_IN_US;
}

/**
 * What ranking on a J-1 instead takes, from the fee table and the J-1 facts (facts.md). Made once:
 * it reads only static data, and searching the fee table per plan showed in the planner's profile.
 * Its sources are J1_SOURCES.
 */
const J1_ALTERNATIVE = j1Alternative();
const J1_SOURCES = [
  "http://www.ecfmg.org/evsp/index.html (ECFMG is the only sponsor of J-1 physicians in clinical training)",
  "https://ecfmg.org/evsp/application-process.html (the J-1 steps after the Match)",
  "INA 212(e): the two-year home-country physical presence requirement and its waivers",
];
function j1Alternative(): string {
  const sponsorship = FEES.find((fee) => fee.key === "j1_sponsorship");
  const fee = sponsorship?.kind === "flat" ? ` ($${sponsorship.amountUsd}, paid each training year)` : "";
  return `Rank programs that offer a J-1 instead: ${j1Chain(fee)} Ask your advisor to switch your visa track to J-1 so this plan follows it.`;
}

/** What a J-1 is and takes after the Match (J1_SOURCES), with the sponsorship fee's words. */
function j1Chain(fee: string): string {
  return `ECFMG is the only sponsor of J-1 physicians in clinical training and a J-1 needs no Step 3. After the Match it takes your ECFMG certificate before orientation, a Statement of Need from your home country's Ministry of Health, ECFMG's J-1 sponsorship application${fee}, the DS-2019 and a J-1 visa interview; a J-1 physician owes two years in the home country before an H visa or a green card unless that is waived, for example through Conrad 30.`;
}

/** The J-1 route for an applicant who has not chosen one (visaUndecidedRisks); sources J1_SOURCES. */
const J1_ROUTE = (() => {
  const sponsorship = FEES.find((fee) => fee.key === "j1_sponsorship");
  return j1Chain(sponsorship?.kind === "flat" ? ` ($${sponsorship.amountUsd}, paid each training year)` : "");
})();

/**
 * VISA_UNDECIDED (warning): the applicant's visa track is "undecided" while the rank order list
 * deadline is ahead (tester s10 issue 9d B10: no visa step, no risk, no advice two months before
 * ranking). Programs decide whom to rank knowing the visa (WHEN_PROGRAMS_DECIDE), and neither
 * route's steps can be planned until the track is set, so it asks to decide now and says what each
 * route needs, with the figures and sources of STEP3_NEEDED_FOR_H1B and its J-1 alternative: H-1B
 * needs Step 3, after the certificate (when pending) and FSMB's processing, its result reported
 * before the deadline; J-1 needs ECFMG's chain after the Match. No new fact.
 */
export function visaUndecidedRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const { calendar, now } = context;
  if (context.applicant.visa !== "undecided") return [];
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  if (now > rol) return visaUndecidedAfterRanking(context, dates);
  // Its words change just after the deadline (visaUndecidedAfterRanking).
  noteRiskChange(context, rol + 1);
  const sources: string[] = [];
  const rolText = `${when(context, rol)}${citeSeasonDate(rolDate, "", sources)}`;
  for (const source of [WHEN_PROGRAMS_DECIDE, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE])
    addSource(sources, source);
  let h1b: string;
  if (isFinished(statusOf(context, "usmle_step3"))) {
    h1b = "H-1B: you have passed Step 3, which an H-1B for residency needs.";
  } else {
    const certified = isFinished(statusOf(context, "ecfmg_certification"));
    const certificateAt = certified ? now : Math.max(now, earliestCertification(context));
    const reportedBy = certificateAt + step3LeadDays(certified) * DAY_MS + SCORE_REPORTING_DAYS * DAY_MS;
    noteCrossing(context, reportedBy, rol);
    const chain = `${certified ? "" : `your ECFMG certificate (around ${dayBy(context, certificateAt)} at the earliest), then `}${leadCited(sources, certified)}, then its result takes up to ${SCORE_REPORTING_DAYS} days`;
    h1b = `H-1B: ${WHY_BEFORE_RANKING}. Step 3's result can reach programs around ${dayBy(context, reportedBy)} at the earliest: ${chain}${reportedBy > rol ? ", after that deadline, so ranking on H-1B for this Match is most likely out of reach" : ""}.${tripVisa(context, sources)}`;
  }
  for (const source of J1_SOURCES) addSource(sources, source);
  return [
    {
      code: "VISA_UNDECIDED",
      severity: "warning",
      message: `You have not chosen a visa route yet: decide now, before the rank order list deadline, ${rolText}. This plan can lay out a route's steps only once you choose, and each needs its own preparation. ${h1b} J-1: ${J1_ROUTE} If you are a US citizen or permanent resident you need no visa. Ask your advisor to set your visa track (J-1, H-1B or none) so this plan follows it.`,
      milestones: ["contract"],
      sources,
    },
  ];
}

/** The visa steps of both routes whose deadlines end an undecided visa's advice (catalog keys). */
const LAST_VISA_STEPS = ["visa_j1", "visa_h1b_stamping"] as const;
/** The employer's H-1B petition (Form I-129) and the three Steps it needs (facts.md: H-1B I-129, H-1B requirements). */
const H1B_PETITION_SOURCES = [
  "http://www.uscis.gov/forms/h-and-l-filing-fees-form-i-129-petition-nonimmigrant-worker (the employer's H-1B petition)",
  "http://aa-law.com/index.php?option=com_content&view=article&task=view&Itemid=544&id=487&view=article&Item=102 (an H-1B for residency needs Steps 1, 2 and 3 passed)",
];

/**
 * VISA_UNDECIDED after the rank order list deadline: the visa paperwork of either route begins at
 * the Match, so an applicant still undecided is told through Match Day and until the visa steps'
 * deadlines (the visa in hand before orientation: visa_j1, visa_h1b_stamping) that the route must
 * be settled with the program now, with the J-1 chain and what an H-1B takes. It stopped at the
 * deadline, leaving a matched applicant with no visa advice when it matters most. No new fact: the
 * J-1 chain and its sources are J1_ROUTE's, the H-1B petition the catalog's visa_h1b.
 */
function visaUndecidedAfterRanking(context: PlanContext, dates: PlanDates): Risk[] {
  let last: DueDate | null = null;
  for (const key of LAST_VISA_STEPS) {
    const due = dates.due(key);
    if (due !== null && (last === null || due.at > last.at)) last = due;
  }
  if (last === null || context.now > last.at) return [];
  noteRiskChange(context, last.at + 1);
  const sources: string[] = [];
  for (const source of J1_SOURCES) addSource(sources, source);
  for (const source of H1B_PETITION_SOURCES) addSource(sources, source);
  const h1b = isFinished(statusOf(context, "usmle_step3"))
    ? "H-1B: only if your program sponsors it; the program files the H-1B petition, and you have passed Step 3, which it needs."
    : "H-1B: only if your program sponsors it; the program files the H-1B petition, which needs Step 3 passed, and you have not recorded Step 3.";
  return [
    {
      code: "VISA_UNDECIDED",
      severity: "warning",
      message: `You have not chosen a visa route yet, and the rank order list deadline has passed: settle it with your program as soon as you know where you matched, since either route takes months of paperwork and your visa must be in hand by ${dates.rendered(last).local}, before orientation. ${h1b} J-1: ${J1_ROUTE} If you are a US citizen or permanent resident you need no visa. Ask your advisor to set your visa track (J-1, H-1B or none) so this plan lays out its steps.`,
      milestones: ["contract"],
      sources,
    },
  ];
}

/**
 * STEP3_NEEDED_FOR_H1B: ranking on H-1B needs Step 3 passed, and programs decide before the rank
 * order list deadline (advice), so Step 3's result must be reported by then (up to four weeks,
 * official). The earliest report is the certificate (when pending), then FSMB (up to 12 weeks to
 * verify graduation while the certificate is pending, else about two weeks; official), abroad the
 * visitor-visa wait the step's text promises (step3ChainDays, advice), a US test date (about a
 * week, advice) and the result. When that misses the deadline the risk is critical,
 * says H-1B ranking for this Match is most likely out of reach and names the J-1 alternative.
 */
export function step3Risks(context: PlanContext, dates: PlanDates): Risk[] {
  const { calendar, now } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const given = context.entries.get("usmle_step3");
  const day =
    given?.date !== undefined && (given.status === "scheduled" || given.status === "in_progress")
      ? startOfLocalDate(context.zone, given.date)
      : null;
  const certified = isFinished(statusOf(context, "ecfmg_certification"));
  const certificateAt = certified ? now : Math.max(now, earliestCertification(context));
  // The chain the step's text gives (step3ChainDays): abroad, with the visitor-visa wait.
  const visaDays = step3VisaDays(context);
  const earliestStep3 = certificateAt + step3ChainDays(context, certified) * DAY_MS;
  const reportedBy = (day ?? earliestStep3) + SCORE_REPORTING_DAYS * DAY_MS;
  const outOfReach = reportedBy > rol;
  // Holding a visitor visa already, the chain without its wait: the latest FSMB application then.
  const withVisaBy = rol - (SCORE_REPORTING_DAYS + step3LeadDays(certified)) * DAY_MS;
  if (day === null) noteCrossing(context, reportedBy, rol);
  if (day === null && visaDays > 0) noteCrossing(context, certificateAt, withVisaBy);
  if (day !== null && !outOfReach) return resultAfterRankingOpens(context, day);
  const sources: string[] = [];
  const rolText = `${when(context, rol)}${citeSeasonDate(rolDate, "", sources)}`;
  const result = `its result takes up to ${SCORE_REPORTING_DAYS} days`;
  for (const source of [WHEN_PROGRAMS_DECIDE, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE])
    addSource(sources, source);
  if (outOfReach) {
    const chain =
      day !== null
        ? `Step 3 on ${given?.date}, and ${result}`
        : `${certified ? "" : `your ECFMG certificate (around ${dayBy(context, certificateAt)} at the earliest), then `}${leadCited(sources, certified)}${visaDays === 0 ? "" : `, with ${visaCited(sources, visaDays)} between them`}, then ${result}`;
    const certificateBy = certified ? null : h1bCertificateTarget(context, dates);
    const neededBy =
      certificateBy === null
        ? ""
        : ` Your ECFMG certificate was needed by ${dayBy(context, certificateBy.at)} for that.`;
    const held =
      day !== null || visaDays === 0
        ? ""
        : certificateAt <= withVisaBy
          ? `${neededBy} Only if you already hold a visitor visa can you still make it: ${certified ? "apply to FSMB" : "you need your ECFMG certificate"} by ${dayBy(context, withVisaBy)}.`
          : `${neededBy} Even if you already hold a visitor visa, FSMB and a test date leave no time.`;
    const trip = `${held}${tripVisa(context, sources)}`;
    for (const source of J1_SOURCES) addSource(sources, source);
    return [
      {
        code: "STEP3_NEEDED_FOR_H1B",
        severity: "critical",
        message: `Ranking on H-1B for the ${calendar.matchYear} Match is most likely out of reach: ${WHY_BEFORE_RANKING}, ${rolText}. Step 3's result can reach programs around ${dayBy(context, reportedBy)} at the earliest: ${chain}.${trip} ${J1_ALTERNATIVE}`,
        milestones: ["usmle_step3", "visa_h1b"],
        sources,
      },
    ];
  }
  const sitBy = dates.due("usmle_step3");
  const certificateBy = certified ? null : h1bCertificateTarget(context, dates);
  const needs =
    certificateBy === null
      ? ` Apply to FSMB early: ${leadCited(sources, true)}${visaDays === 0 ? "" : `, with ${visaCited(sources, visaDays)} between them`}.`
      : visaDays === 0
        ? ` Your ECFMG certificate is still pending: you need it by ${dayBy(context, certificateBy.at)}, because Step 3 needs it first and then ${leadCited(sources, false)}.`
        : ` Your ECFMG certificate is still pending: it ${certificateBy.at < now ? "was" : "is"} needed by ${dayBy(context, certificateBy.at)}, because Step 3 needs it first, then ${leadCited(sources, false)}, and you live outside the US, so this plan allows ${visaCited(sources, visaDays)} before the trip; ${dayBy(context, certificateBy.at + visaDays * DAY_MS)} is the latest only if you already hold a visitor visa.`;
  const trip = tripVisa(context, sources);
  return [
    {
      code: "STEP3_NEEDED_FOR_H1B",
      severity: "warning",
      message: `Step 3 is not scheduled yet: ${WHY_BEFORE_RANKING}, ${rolText}. ${result.charAt(0).toUpperCase()}${result.slice(1)}, so sit it by ${sitBy === null ? "four weeks before then" : dayBy(context, sitBy.at)}.${needs}${trip}`,
      milestones: ["usmle_step3", "visa_h1b"],
      sources,
    },
  ];
}

/** When programs may decide on an H-1B applicant at the earliest: from the day ranking opens (advice). */
const RANKING_OPENS_DECISIONS =
  "advice: programs enter and certify their rank lists from the day ranking opens (an NRMP date) until the rank order list deadline; a program may decide whom to rank on H-1B any day in between, so only a Step 3 result reported by the day ranking opens reaches every program in time";

/**
 * STEP3_NEEDED_FOR_H1B as a warning for a Step 3 booked in time for the rank order list deadline
 * whose result, expected the catalog's scoring time after the exam day, comes after ranking opens:
 * programs deciding before it will not see the score (tester s10 issue 9d B5). None otherwise.
 */
function resultAfterRankingOpens(context: PlanContext, day: number): Risk[] {
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  const scoringDays = catalogEntry("usmle_step3").reportingDays?.days ?? SCORE_REPORTING_DAYS;
  const expected = day + scoringDays * DAY_MS;
  if (expected <= opens.at) return [];
  const sources = [RANKING_OPENS_DECISIONS];
  const opensText = `${when(context, opens.at)}${citeSeasonDate(opens, opens.source, sources)}`;
  addSource(sources, SCORE_REPORTING_SOURCE);
  return [
    {
      code: "STEP3_NEEDED_FOR_H1B",
      severity: "warning",
      message: `Your Step 3 result is expected around ${dayBy(context, expected)}, about ${Math.ceil(scoringDays / 7)} weeks after your exam, and programs can start deciding whom to rank when ranking opens, ${opensText}: programs that decide before then will not see your score, so they may not rank you on H-1B. Ask each program by when it needs a passed Step 3, and sit it earlier if you can.`,
      milestones: ["usmle_step3", "visa_h1b"],
      sources,
    },
  ];
}

/**
 * The lead to a Step 3 date (FSMB, official; a test date, advice), citing its source in `sources`
 * when a message uses it. A module function, not a closure made in step3Risks: that ran per plan.
 */
function leadCited(sources: string[], certified: boolean): string {
  addSource(sources, EXAM_BOOKING_SOURCE);
  return step3LeadWords(certified);
}

/** The visitor-visa allowance in words (advice), citing its source in `sources`. */
function visaCited(sources: string[], days: number): string {
  addSource(sources, VISITOR_VISA_WAIT_SOURCE);
  return `${days} days for a visitor visa (B-1/B-2) interview, an allowance to check against your consulate's wait in the State Department's Global Visa Wait Times tool,`;
}
