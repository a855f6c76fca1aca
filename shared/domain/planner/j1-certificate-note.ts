import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { sponsorshipAhead } from "./j1-certificate.ts";
import { j1StartOutOfReach, outOfReachCardNote } from "./j1-start-out-of-reach.ts";
import { residencyAhead } from "./residency-started.ts";

// The ECFMG certificate's card on the J-1 track (split out of j1-certificate.ts): ECFMG sponsors a
// J-1 physician only with a valid certificate, so the card names the sponsorship's date, or, when
// the certificate cannot come in time for a J-1 start (j1StartOutOfReach), when it can come.

const SPONSORSHIP = "j1_ecfmg_sponsorship";
const SPONSORSHIP_AT = stepIndex(SPONSORSHIP);
const MATCH_DAY_AT = stepIndex("match_day");

/**
 * What the certificate's card adds for a J-1 applicant who has matched (Match Day done) and whose
 * sponsorship is still ahead: ECFMG's sponsorship needs the certificate, and when the application is
 * due on `dates`. Empty for every other step and applicant.
 */
export function j1CertificateNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  dates: PlanDates,
): string {
  if (entry.key !== "ecfmg_certification" || isFinished(status) || !sponsorshipAhead(context)) return "";
  if (!isFinished(statusAt(context, MATCH_DAY_AT)) || dates.calendar !== context.calendar) return "";
  const due = dates.due(SPONSORSHIP);
  if (due === null) return "";
  const day = `${dates.rendered(due).local}${basisMark(due)}`;
  // The certificate too late for a J-1 start: when it can come, never a day it cannot make.
  const out = j1StartOutOfReach(context, dates);
  if (out?.holds === "certificate") return outOfReachCardNote(context, out, day);
  if (isFinished(statusAt(context, SPONSORSHIP_AT)))
    return due.at >= context.now
      ? ` ECFMG sponsors a J-1 physician only with a valid certificate: your sponsorship application is in, and ECFMG's review, planned to start by ${day}, waits for your certificate, so it is needed by then.`
      : ` ECFMG sponsors a J-1 physician only with a valid certificate: your sponsorship application is in, but ECFMG's review, planned to start by ${day}, waits for your certificate: get it issued now.${slippingChain(context, dates)}`;
  return due.at >= context.now
    ? ` ECFMG sponsors a J-1 physician only with a valid certificate; the sponsorship application is due ${day}, so your certificate is needed by then.`
    : ` ECFMG sponsors a J-1 physician only with a valid certificate; the sponsorship application was due ${day}, so your J-1 waits for it: get it issued now.${slippingChain(context, dates)}`;
}

/**
 * The J-1 chain's next dates after the sponsorship: the DS-2019 and the visa, as
 * planned on `dates` (each "projected" when it is), which now slip with the certificate. "" when
 * either has no date, or once residency has started (they are then long past, not slipping).
 */
function slippingChain(context: PlanContext, dates: PlanDates): string {
  if (!residencyAhead(context)) return "";
  const day = (key: "j1_ds2019" | "visa_j1"): string | null => {
    const due = dates.due(key);
    return due === null ? null : `${dates.rendered(due).local}${basisMark(due, "comma")}`;
  };
  const ds2019 = day("j1_ds2019");
  const visa = day("visa_j1");
  if (ds2019 === null || visa === null) return "";
  return ` Your DS-2019 (planned for ${ds2019}) and your J-1 visa (planned for ${visa}) come after the sponsorship, so each day the certificate comes later moves them a day later, and a visa after ${visa} leaves no time for orientation before residency starts: tell your program's GME office, and report the certificate the day it is issued.`;
}
