import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { certificateNeededForDs2019 } from "./j1-certificate.ts";
import { addSource, citationSource, requirementSource } from "./risk-sources.ts";

// A matched J-1 applicant who sent their sponsorship application (the step done) but has not
// reported the certificate has no visa step past its date while the DS-2019's date is ahead, yet
// ECFMG's review, which ends with the DS-2019, waits for the certificate: the chain is already late.

const SPONSORSHIP = catalogEntry("j1_ecfmg_sponsorship");
const CERTIFICATE_NEED = SPONSORSHIP.prerequisites.find((need) => need.key === "ecfmg_certification");

/**
 * `risks` (visaStartRisks') with VISA_STEP_LATE (warning) added for the certificate the DS-2019
 * waits for (certificateNeededForDs2019: matched on J-1, the sponsorship's day passed, the DS-2019's
 * date ahead), when no visa risk already says the chain is late: ECFMG's review, planned to start by
 * the sponsorship's day, waits for the certificate, so the DS-2019 cannot come before it is issued
 * and each later day moves the DS-2019 and the visa; the visa's date still holds. Its notice stays
 * with the certificate's own reminders (VISA_STEP_LATE_NOTICE asks nothing while they chase it).
 * Past the DS-2019's date, the DS-2019's own lateness speaks (visaStartRisks). Sources: the
 * sponsorship's date rule (ECFMG's 4–6 weeks), then the requirement's (a secondary source).
 */
export function withJ1CertificateLate(context: PlanContext, dates: PlanDates, risks: Risk[]): Risk[] {
  const needed = certificateNeededForDs2019(context, dates);
  if (needed === null) return risks;
  if (risks.some((risk) => risk.code === "VISA_STEP_LATE" || risk.code === "VISA_NOT_READY_FOR_START"))
    return risks;
  const review = dates.due(SPONSORSHIP.key);
  const visa = dates.due("visa_j1");
  if (review === null || visa === null) return risks;
  const day = (due: typeof needed): string => `${dueDay(context, due)}${basisMark(due)}`;
  const sources: string[] = [];
  addSource(sources, citationSource(SPONSORSHIP.due));
  if (CERTIFICATE_NEED !== undefined) addSource(sources, requirementSource(CERTIFICATE_NEED));
  return [
    ...risks,
    {
      code: "VISA_STEP_LATE",
      severity: "warning",
      message: `Your ECFMG certificate is not reported, and ECFMG's review of your J-1 sponsorship, planned to start by ${day(review)}, waits for it (ECFMG sponsors a J-1 physician only with a valid certificate). ECFMG issues your DS-2019 at the end of that review, so your DS-2019, planned for ${day(needed)}, cannot come before your certificate is issued, and each day it comes later moves your DS-2019 and your J-1 visa a day later; your visa's own date, ${day(visa)}, still holds: ask ECFMG today what is still missing, tell your program's J-1 liaison, and mark the certificate done the day it is issued.`,
      milestones: ["ecfmg_certification", "j1_ds2019"],
      sources,
    },
  ];
}
