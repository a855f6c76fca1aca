import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { DAY_MS, localDate, renderDate, startOfLocalDate } from "../time.ts";
import {
  DIPLOMA_VERIFICATION_DAYS,
  DIPLOMA_VERIFICATION_SOURCE,
  SCORE_REPORTING_DAYS,
  SCORE_REPORTING_SOURCE,
  WARNING_WITHIN_DAYS,
} from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { applicantDay, dueDay, dueIsoDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import {
  CERTIFIED_TO_START_URL,
  certificateQuestionOpening,
  earliestCertification,
  nothingOutstanding,
} from "./earliest-certification.ts";
import { certificateNeededForDs2019 } from "./j1-certificate.ts";
import { j1StartOutOfReachBeforeMatch } from "./j1-start-before-match.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { noteCrossing } from "./risk-change-instants.ts";

/**
 * CERTIFICATION_AFTER_START (split out of risks.ts): the ECFMG certificate, at the earliest our
 * allowances give (earliestCertification), would come after or within WARNING_WITHIN_DAYS of the
 * day it is needed for orientation (the milestone's due date, else residency start); with nothing
 * outstanding, the advisor's question instead (certificateQuestion). Before the Match, on a J-1,
 * also (critical) when the certificate makes orientation but the J-1 visa after it would not make
 * the start (j1StartOutOfReachBeforeMatch). Null when it is in time. The caller checks that the
 * Match is still planned and the certificate not yet done.
 */
export function certificationAfterStartRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const { applicant, calendar, now } = context;
  // A J-1 start the certificate cannot make: the visa chain's critical risk says it, with this date.
  if (j1StartOutOfReach(context, dates)?.holds === "certificate") return null;
  const residencyStart = calendar.dates.residency_start.at;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const earliest = earliestCertification(context);
  // The certificate is needed by orientation (the milestone's due date), not only by the start.
  const neededDue = dates.due("ecfmg_certification");
  const needed = neededDue?.at ?? residencyStart;
  // Compared as the message names them, in days: a certificate on the day after orientation's is
  // after it, though its instant (the applicant's midnight, east of ET) is before ET's end of that day.
  const neededIso = neededDue === null ? localDate(context.zone, needed) : dueIsoDay(context, neededDue);
  const dayAfter = startOfLocalDate(context.zone, shiftIsoDay(neededIso, 1));
  noteCrossing(context, earliest, needed);
  if (dayAfter < needed) noteCrossing(context, earliest, dayAfter);
  noteCrossing(context, earliest + WARNING_WITHIN_DAYS * DAY_MS, needed);
  const tooLate = earliest > needed || earliest >= dayAfter;
  const sources = [DIPLOMA_VERIFICATION_SOURCE, SCORE_REPORTING_SOURCE, CERTIFIED_TO_START_URL];
  // Before the Match, on a J-1, a certificate in time for orientation may still leave the J-1 visa
  // after the start: said from sign-up, while the programs ranked can still be asked (or chosen).
  const j1 =
    beforeMatch(context) && !nothingOutstanding(context)
      ? j1StartOutOfReachBeforeMatch(context, dates, earliest, sources)
      : null;
  // In time (most plans): no words. The day's text is made only for a risk that says it.
  if (!(earliest + WARNING_WITHIN_DAYS * DAY_MS > needed || tooLate) && j1 === null) return null;
  // Both are days: the certificate's due as its row shows it, the earliest as the
  // applicant's day our allowances give, never an hour with its ET time.
  const neededDay = neededDue === null ? applicantDay(context, needed) : dueDay(context, neededDue);
  if (nothingOutstanding(context))
    return certificateQuestion(
      context,
      neededWords(context, dates, neededDay, tooLate),
      tooLate,
      sponsorshipPassed(context, dates),
    );
  // The start is a projection until NRMP's season is confirmed: its rule is cited.
  const start = residencyStartWords(calendar.dates.residency_start, sources);
  const close = tooLate
    ? "after"
    : earliest + WARNING_WITHIN_DAYS * DAY_MS > needed
      ? "just before"
      : "before";
  const advice = tooLate || j1 !== null ? lateAdvice(context, now > rol, j1) : "";
  return {
    code: "CERTIFICATION_AFTER_START",
    severity: tooLate || j1?.critical === true ? "critical" : "warning",
    message: `ECFMG certification can complete around ${applicantDay(context, earliest)} at the earliest, ${close} ${neededDay}, when you need the certificate for orientation (residency starts on ${start}): we allow your graduation on ${renderDate(applicant.graduation)} plus ${DIPLOMA_VERIFICATION_DAYS} days for diploma verification, and ${SCORE_REPORTING_DAYS} days for each outstanding result. You must be certified to start.${advice}`,
    milestones: ["ecfmg_certification"],
    sources,
  };
}

/** Neither Match Day reported done nor "matched" told in Match Week: the programs are still ranked. */
function beforeMatch(context: PlanContext): boolean {
  return (
    context.applicant.visa === "J-1" &&
    !isFinished(statusOf(context, "match_day")) &&
    !matchWeekMatched(context)
  );
}

/**
 * What an applicant whose certificate may come after orientation does. Matched (Match Day reported
 * done, in the Match or through SOAP), their program's GME office sets the start date and
 * orientation and is the one to tell ("the programs on your certified list" and
 * "the Match stays planned" to an applicant with a signed contract); before the Match, the
 * programs ranked, and the Match stays planned.
 */
function lateAdvice(context: PlanContext, listCertified: boolean, j1: { words: string } | null): string {
  const diploma = " Ask your school how fast it can confirm your diploma to ECFMG, and";
  if (isFinished(statusOf(context, "match_day")))
    return `${diploma} tell your program's GME office now: it sets your start date and orientation. ECFMG publishes no verification time, so these allowances put your start at risk, not out of reach.`;
  const programs = listCertified ? "on your certified list" : "you rank";
  // On a J-1 the visa chain after the certificate puts the start itself out of reach.
  if (j1 !== null) {
    const rank = listCertified ? "" : ", and rank programs that can";
    return `${diploma} tell the programs ${programs}.${j1.words.replace("{programs}", programs).replace("{rank}", rank)}`;
  }
  return `${diploma} tell the programs ${programs}. The ${context.calendar.matchYear} Match stays planned: ECFMG publishes no verification time, so these allowances put it at risk, not out of reach.`;
}

/**
 * CERTIFICATION_AFTER_START once the Match is over with its result never told (matchOverUnreported)
 * and nothing we know of holds the certificate back (the question vanished from
 * 1 July and the step took the next season's orientation as its date): the advisor's question
 * still, with no date, since whose orientation it is for depends on the result we do not know.
 * Null while something is outstanding: the step's own dates say when. The caller checks that the
 * certificate is not yet done.
 */
export function certificateAskedAfterMatchRisk(context: PlanContext): Risk | null {
  if (!nothingOutstanding(context)) return null;
  return {
    code: "CERTIFICATION_AFTER_START",
    severity: "warning",
    message: `${certificateQuestionOpening(context)} nothing we know of still holds back your ECFMG certificate: has ECFMG issued it? If it has, mark ECFMG certification done. If not, ask ECFMG now what is still missing: you must be certified to start residency, in the program you matched with or after your next Match.`,
    milestones: ["ecfmg_certification"],
    sources: [DIPLOMA_VERIFICATION_SOURCE, CERTIFIED_TO_START_URL],
  };
}

/**
 * CERTIFICATION_AFTER_START when nothing we know of is outstanding (nothingOutstanding):
 * not a completion date that tracks `now`, but the advisor's question, whether ECFMG has
 * issued the certificate, and who to ask if not. Critical once the date it is needed by has passed,
 * or, for a J-1, once the sponsorship's date has (sponsorshipPassed): ECFMG sponsors only the certified.
 */
function certificateQuestion(
  context: PlanContext,
  needed: string,
  tooLate: boolean,
  sponsorship: { day: string; source: string } | null,
): Risk {
  const { calendar } = context;
  const sources = [DIPLOMA_VERIFICATION_SOURCE, CERTIFIED_TO_START_URL];
  const start = residencyStartWords(calendar.dates.residency_start, sources);
  const visa =
    sponsorship === null
      ? ""
      : ` ECFMG sponsors your J-1 only once you are certified, and this plan dated your sponsorship ${sponsorship.day}: each week lost can push back your visa and your start.`;
  return {
    code: "CERTIFICATION_AFTER_START",
    severity: tooLate || sponsorship !== null ? "critical" : "warning",
    message: `${certificateQuestionOpening(context)} nothing we know of still holds back your ECFMG certificate: has ECFMG issued it? If it has, mark ECFMG certification done. If not, ask ECFMG now what is still missing: ${needed} (residency starts on ${start}), and you must be certified to start.${visa}`,
    milestones: ["ecfmg_certification"],
    sources: sponsorship === null ? sources : [...sources, sponsorship.source],
  };
}

/**
 * The day the certificate is needed by, in words: a matched J-1 applicant's DS-2019's, which waits
 * for it (certificateNeededForDs2019), as the certificate's card and chase name it; else
 * orientation's (`neededDay`, `tooLate` once it has passed).
 */
function neededWords(context: PlanContext, dates: PlanDates, neededDay: string, tooLate: boolean): string {
  const ds2019 = certificateNeededForDs2019(context, dates);
  if (ds2019 === null) return `${tooLate ? "it was needed" : "you need it"} by ${neededDay} for orientation`;
  return `${ds2019.at < context.now ? "it was needed" : "you need it"} by ${dueDay(context, ds2019)}${basisMark(ds2019)} for your DS-2019, which waits for it`;
}

/**
 * For a J-1 whose ECFMG sponsorship is unfinished past its planned date: that day, and the
 * catalog's source for the certificate coming before the sponsorship. Null otherwise.
 */
function sponsorshipPassed(context: PlanContext, dates: PlanDates): { day: string; source: string } | null {
  if (context.applicant.visa !== "J-1" || isFinished(statusOf(context, "j1_ecfmg_sponsorship"))) return null;
  const due = dates.due("j1_ecfmg_sponsorship");
  if (due === null || due.at > context.now) return null;
  const prerequisite = catalogEntry("j1_ecfmg_sponsorship").prerequisites?.find(
    (entry) => entry.key === "ecfmg_certification",
  );
  if (prerequisite === undefined) return null;
  return { day: dueDay(context, due), source: prerequisite.source };
}
