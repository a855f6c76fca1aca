import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { certificateNeededForDs2019 } from "./j1-certificate.ts";
import {
  j1SponsorshipLastDay,
  lastDayWords,
  VISA_DATE_PAST_REACH_WORDS,
  visaDatePastReach,
  withJ1SponsorshipLastDay,
} from "./j1-sponsorship-last-day.ts";
import { j1StartOutOfReach, withJ1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, citationSource, requirementSource } from "./risk-sources.ts";

// A matched J-1 applicant who sent their sponsorship application (the step done) but has not
// reported the certificate has no visa step past its date while the DS-2019's date is ahead, yet
// ECFMG's review, which ends with the DS-2019, waits for the certificate: the chain is already late.
// Past the DS-2019's date the certificate is still what holds the DS-2019 and the visa back, and
// every word about the chain says so until the certificate is reported.

const SPONSORSHIP = catalogEntry("j1_ecfmg_sponsorship");
const CERTIFICATE_NEED = SPONSORSHIP.prerequisites.find((need) => need.key === "ecfmg_certification");

/** What the certificate holding the DS-2019 back adds to the visa chain's words, and where it comes from. */
export interface CertificateHolds {
  /** The sentence naming the certificate, the DS-2019's day it is needed by, and the visa's date. */
  sentence: string;
  /** The date rule's and the requirement's sources, in that order. */
  sources: string[];
}

/**
 * The certificate the DS-2019 waits for (certificateNeededForDs2019: matched on J-1, the
 * sponsorship sent and its day passed, the certificate unreported), in words: before the DS-2019's
 * date, ECFMG's review waits for it, so the DS-2019 cannot come before it is issued; from that date
 * on, the certificate is overdue since it, as its card and its chase say. Either way each later day
 * moves the DS-2019 and the J-1 visa a day later. Null for every other applicant and time.
 */
export function certificateHolds(context: PlanContext, dates: PlanDates): CertificateHolds | null {
  const needed = certificateNeededForDs2019(context, dates);
  if (needed === null) return null;
  const review = dates.due(SPONSORSHIP.key);
  const visa = dates.due("visa_j1");
  if (review === null || visa === null) return null;
  const day = (due: DueDate): string => `${dueDay(context, due)}${basisMark(due)}`;
  const sources: string[] = [];
  addSource(sources, citationSource(SPONSORSHIP.due));
  if (CERTIFICATE_NEED !== undefined) addSource(sources, requirementSource(CERTIFICATE_NEED));
  const ask =
    "ask ECFMG today what is still missing, tell your program's J-1 liaison, and mark the certificate done the day it is issued.";
  // The visa's own date holds only while the certificate issued today still meets it (the last day's test).
  const last = needed.at >= context.now ? visaDatePastReach(context, dates) : null;
  const holdsOrNot =
    last === null
      ? `your visa's own date, ${day(visa)}, still holds`
      : `your visa's own date, ${day(visa)}, ${VISA_DATE_PAST_REACH_WORDS}, and ${lastDayWords(context, last, sources)}`;
  const sentence =
    needed.at >= context.now
      ? `Your ECFMG certificate is not reported, and ECFMG's review of your J-1 sponsorship, planned to start by ${day(review)}, waits for it (ECFMG sponsors a J-1 physician only with a valid certificate). ECFMG issues your DS-2019 at the end of that review, so your DS-2019, planned for ${day(needed)}, cannot come before your certificate is issued, and each day it comes later moves your DS-2019 and your J-1 visa a day later; ${holdsOrNot}: ${ask}`
      : `Your ECFMG certificate is not reported, and your DS-2019, planned for ${day(needed)}, waits for it (ECFMG issues the DS-2019 at the end of its sponsorship review, and sponsors a J-1 physician only with a valid certificate): your certificate is overdue since that day, and each day it comes later moves your DS-2019 and your J-1 visa, planned for ${day(visa)}, a day later: ${ask}`;
  return { sentence, sources };
}

/**
 * `risks` (visaStartRisks') with the certificate the DS-2019 waits for named (certificateHolds):
 * VISA_STEP_LATE already names it when another step is late too (visaStepLateRisk merges it, one
 * warning for every late step); VISA_NOT_READY_FOR_START, once the visa's date is at risk, gets its
 * sentence and the step; with neither, VISA_STEP_LATE (warning) of the certificate alone, up to
 * residency's start (START_DELAYED then names what is missing). Its notice
 * stays with the certificate's own reminders (VISA_STEP_LATE_NOTICE asks nothing while they chase
 * it). Sources: the sponsorship's date rule (ECFMG's 4–6 weeks), then the requirement's.
 */
export function withJ1CertificateLate(context: PlanContext, dates: PlanDates, risks: Risk[]): Risk[] {
  // From residency's start, START_DELAYED names what is missing (the certificate among it).
  if (!residencyAhead(context)) return risks;
  // The certificate too late for a J-1 start: one critical risk says so, no date "still holds".
  const out = j1StartOutOfReach(context, dates);
  if (out !== null) return withJ1StartOutOfReach(context, out, risks);
  // The file still open too late for the visa's own date: the last day for the start, critical.
  const last = j1SponsorshipLastDay(context, dates);
  if (last !== null) return withJ1SponsorshipLastDay(context, last, risks);
  const holds = certificateHolds(context, dates);
  if (holds === null || risks.some((risk) => risk.code === "VISA_STEP_LATE")) return risks;
  const critical = risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
  if (critical !== undefined) {
    const sources = [...(critical.sources ?? [])];
    for (const source of holds.sources) addSource(sources, source);
    const named: Risk = {
      ...critical,
      message: `${critical.message} ${holds.sentence}`,
      milestones: critical.milestones.includes("ecfmg_certification")
        ? critical.milestones
        : [...critical.milestones, "ecfmg_certification" as StepSubject],
      sources,
    };
    return risks.map((risk) => (risk === critical ? named : risk));
  }
  return [
    ...risks,
    {
      code: "VISA_STEP_LATE",
      severity: "warning",
      message: holds.sentence,
      milestones: ["ecfmg_certification", "j1_ds2019"],
      sources: holds.sources,
    },
  ];
}
