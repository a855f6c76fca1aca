import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { DAY_MS, fromWall, localDate, wallFromDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayBy, when } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { h1bCertificateAt, step3ChainDaysWith, step3ChainFrom, visitorVisaDays } from "./h1b.ts";
import { proclamationNote } from "./h1b-proclamation-risk.ts";
import {
  chainCited,
  graduationCited,
  H1B_STEPS_SOURCE,
  J1_ROUTE,
  J1_SOURCES,
  tripVisa,
  WHEN_PROGRAMS_DECIDE,
  whyBeforeRanking,
} from "./h1b-words.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { residencyStartedAt } from "./residency-started.ts";
import { noteCrossing, noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";
import { laterCandidateStep3Words } from "./step3-later-candidate.ts";
import { hasMatched } from "./visa-start-risk.ts";

export { proclamationRisks } from "./h1b-proclamation-risk.ts";
export { step3Risks } from "./step3-risk.ts";

/**
 * VISA_UNDECIDED (warning): the applicant's visa track is "undecided" while the rank order list
 * deadline is ahead (no visa step, no risk, no advice two months before
 * ranking). Programs decide whom to rank knowing the visa (WHEN_PROGRAMS_DECIDE), and neither
 * route's steps can be planned until the track is set, so it asks to decide now and says what each
 * route needs, with the figures and sources of STEP3_NEEDED_FOR_H1B and its J-1 alternative: H-1B
 * needs Step 3, after the certificate (when pending) and FSMB's processing, its result reported
 * before the deadline; J-1 needs ECFMG's chain after the Match. No new fact.
 */
export function visaUndecidedRisks(context: PlanContext, dates: PlanDates, examsReadyAt: number): Risk[] {
  const { calendar, now } = context;
  if (context.applicant.visa !== "undecided") return [];
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  if (now > rol) return visaUndecidedAfterRanking(context, dates);
  // Its words change just after the deadline (visaUndecidedAfterRanking).
  noteRiskChange(context, rol + 1);
  const sources: string[] = [];
  const rolText = `${when(context, rol)}${citeSeasonDate(rolDate, sources)}`;
  for (const source of [WHEN_PROGRAMS_DECIDE, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE])
    addSource(sources, source);
  let h1b: string;
  if (isFinished(statusOf(context, "usmle_step3"))) {
    addSource(sources, H1B_STEPS_SOURCE);
    h1b = `H-1B: you have passed Step 3, which an H-1B for residency needs.${proclamationNote(context, sources)}`;
  } else {
    // The H-1B track's own chain (step3ChainFrom, the visitor-visa wait where the track has one):
    // the comparison gives the verdict the H-1B plan would.
    const certified = isFinished(statusOf(context, "ecfmg_certification"));
    const certificateAt = certified ? now : h1bCertificateAt(context, examsReadyAt);
    const visaDays = visitorVisaDays(context);
    const chain = step3ChainFrom(context, certificateAt, visaDays);
    noteCrossing(
      context,
      certificateAt + (step3ChainDaysWith(visaDays) + SCORE_REPORTING_DAYS) * DAY_MS,
      rol,
    );
    const lead = `${certified ? "" : `your ECFMG certificate (around ${dayBy(context, certificateAt)} at the earliest), then `}${chainCited(sources, visaDays)}, then its result takes up to ${SCORE_REPORTING_DAYS} days`;
    const late = chain.reportedBy > rol;
    h1b = `H-1B: ${whyBeforeRanking(sources)}. Step 3's result can reach programs around ${dayBy(context, chain.reportedBy)} at the earliest: ${lead}${late ? ", after that deadline, so ranking on H-1B for this Match is most likely out of reach" : ""}.${late ? laterCandidateStep3Words(context, chain.reportedBy, step3ChainDaysWith(visaDays), certified) : ""}${graduationCited(context, sources, chain)}${tripVisa(context, sources)}${proclamationNote(context, sources)}`;
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
/**
 * The employer's H-1B petition (Form I-129) and the three Steps it needs (facts.md: H-1B I-129, H-1B
 * requirements). Primary for the Steps: HHS's 1992 determination (hhs.gov, National Archives web
 * harvest) that USMLE Steps 1, 2 and 3 are the FLEX-equivalent exam an H-1B physician needs
 * (INA 212(j)(2)); the fact sheet's law-firm page stays as secondary.
 */
const H1B_PETITION_SOURCES = [
  "http://www.uscis.gov/forms/h-and-l-filing-fees-form-i-129-petition-nonimmigrant-worker (the employer's H-1B petition)",
  H1B_STEPS_SOURCE,
  "http://aa-law.com/index.php?option=com_content&view=article&task=view&Itemid=544&id=487&view=article&Item=102 (an H-1B for residency needs Steps 1, 2 and 3 passed)",
];

/**
 * VISA_UNDECIDED after the rank order list deadline: the visa paperwork of either route begins at
 * the Match, so an applicant still undecided is told through Match Day and until the visa steps'
 * deadlines (the visa in hand before orientation: visa_j1, visa_h1b_stamping) that the route must
 * be settled with the program now, with the J-1 chain and what an H-1B takes. It stopped at the
 * deadline, leaving a matched applicant with no visa advice when it matters most. No new fact: the
 * J-1 chain and its sources are J1_ROUTE's, the H-1B petition the catalog's visa_h1b. Once the
 * applicant has matched (hasMatched) it is critical and its notice asks to choose now.
 */
function visaUndecidedAfterRanking(context: PlanContext, dates: PlanDates): Risk[] {
  let last: DueDate | null = null;
  for (const key of LAST_VISA_STEPS) {
    const due = dates.due(key);
    if (due !== null && (last === null || due.at > last.at)) last = due;
  }
  // Through the residency start where she is (residencyStartedAt, as START_DELAYED), not just the visa date (else silent from the visa
  // date on, when a matched applicant without a route needs the advice most); after the start this
  // Match's visa is moot and the season is over.
  const start = residencyStartedAt(context);
  if (last === null || context.now >= start) return [];
  noteRiskChange(context, start);
  const inHandBy = dates.rendered(last);
  // The day is the visa steps' day (asDay), named as passed from the applicant's next midnight,
  // never as a day to act by (seed -1595147564: Tue 16 Jun 2026, once 17 Jun had begun in Kolkata
  // at 2:30 PM EDT). A whole-day due now ends at that midnight itself (wholeDay); a due kept as an
  // instant may end later, and the day is passed from the midnight all the same.
  const day = inHandBy.day ?? localDate(context.zone, last.at);
  const dayEnds = fromWall(context.zone, wallFromDate(day, 0) + DAY_MS);
  if (dayEnds <= last.at) noteRiskChange(context, dayEnds);
  const sources: string[] = [];
  const visaBy =
    context.now >= dayEnds
      ? // The start is a day, projected until NRMP's season is confirmed, citing its rule.
        `your visa was needed by ${inHandBy.local}, before orientation, a day that has passed: get it as soon as you can; without it you cannot start on ${residencyStartWords(context.calendar.dates.residency_start, sources)}: ask your program's GME office today whether your start can wait for it, and once you have the program's document (the DS-2019 for J-1, the approved petition for H-1B) ask the consulate for an expedited appointment (advice)`
      : `your visa must be in hand by ${inHandBy.local}, before orientation`;
  for (const source of J1_SOURCES) addSource(sources, source);
  for (const source of H1B_PETITION_SOURCES) addSource(sources, source);
  // The proclamation is part of weighing H-1B after the deadline too.
  const h1b = `${
    isFinished(statusOf(context, "usmle_step3"))
      ? "H-1B: only if your program sponsors it; the program files the H-1B petition, and you have passed Step 3, which it needs."
      : "H-1B: only if your program sponsors it; the program files the H-1B petition, which needs Step 3 passed, and you have not recorded Step 3."
  }${proclamationNote(context, sources)}`;
  // Once matched (Match Day done, the contract begun, or "matched" told in Match Week: the program
  // may be untold, the months of paperwork are not), the route is the critical path: critical, with
  // a notice, asking to choose now (told in Match Week it was a warning with no visa step for weeks).
  const matched = hasMatched(context) || matchWeekMatched(context);
  const ask = matched
    ? "You matched and have not chosen a visa route yet: choose your visa route with your program's GME office now"
    : "You have not chosen a visa route yet, and the rank order list deadline has passed: settle it with your program as soon as you know where you matched";
  return [
    {
      code: "VISA_UNDECIDED",
      severity: matched ? "critical" : "warning",
      message: `${ask}, since either route takes months of paperwork and ${visaBy}. ${h1b} J-1: ${J1_ROUTE} If you are a US citizen or permanent resident you need no visa. Ask your advisor to set your visa track (J-1, H-1B or none) so this plan lays out its steps.`,
      milestones: ["contract"],
      sources,
    },
  ];
}
