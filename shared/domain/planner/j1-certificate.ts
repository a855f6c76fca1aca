import type { CatalogEntry } from "../catalog/index.ts";
import { targetForSource } from "../target-need.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { diplomaVerifiedAt } from "./earliest-certification.ts";
import { ecfmgReviewDue } from "./ecfmg-review-past-ds2019.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

// ECFMG sponsors a J-1 physician only with a valid ECFMG
// certificate (the catalog's prerequisite of j1_ecfmg_sponsorship, with its source), so on the J-1
// track the certificate is needed by the sponsorship application's date, about ten weeks before the
// certificate's own date (two weeks before residency starts). PlanDates is shared by applicants of
// every visa (dependantsOf leaves a visa's own steps out of a prerequisite's due date), so the J-1
// date is the certificate's target, made here per applicant, as the H-1B track's is (h1b.ts).

const SPONSORSHIP = "j1_ecfmg_sponsorship";
const SPONSORSHIP_AT = stepIndex(SPONSORSHIP);
const CERTIFICATE_AT = stepIndex("ecfmg_certification");
const MATCH_DAY_AT = stepIndex("match_day");
const DS2019_AT = stepIndex("j1_ds2019");

/**
 * The target the step at catalog `index` shows: for a J-1 applicant's certificate, not done, whose
 * sponsorship is still ahead, the sponsorship application's due date on `dates` (advice, or
 * projected with it: its source names the sponsorship and its rule), so the certificate's start-by
 * rung (its lead time before the target) comes before that date; `catalogTarget` otherwise. None
 * when graduation and the diploma's verification allowance (advice) fall after it: the target could
 * not be met and the certificate's own date drives the step, as before.
 */
export function withJ1CertificateTarget(
  context: PlanContext,
  index: number,
  dates: PlanDates,
  catalogTarget: DueDate | null,
): DueDate | null {
  // Only for the applicant's own Match: dated for a later one, the sponsorship of this one is moot.
  if (index !== CERTIFICATE_AT || dates.calendar !== context.calendar || !sponsorshipAhead(context))
    return catalogTarget;
  let target = j1Targets.get(dates);
  if (target === undefined) {
    target = j1TargetOf(dates);
    j1Targets.set(dates, target);
  }
  if (target === null) return catalogTarget;
  return diplomaVerifiedAt(context) > target.at ? catalogTarget : target;
}

/** The J-1 target per PlanDates: it depends on the dates only (a season, a zone), shared by many plans. */
const j1Targets = new WeakMap<PlanDates, DueDate | null>();

function j1TargetOf(dates: PlanDates): DueDate | null {
  const due = dates.due(SPONSORSHIP);
  if (due === null) return null;
  return shapedDueDate({
    // The last instant of the application's due day (a whole day: wholeDay's end), so the target
    // reads the same day as the sponsorship's date wherever it is shown.
    at: due.at - 1,
    zone: due.zone,
    status: due.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: targetForSource(
      "J-1 sponsorship",
      `needed by ${SPONSORSHIP}, which waits for it (ECFMG sponsors a J-1 physician only with a valid certificate): its due date, ${due.source}`,
    ),
  });
}

/**
 * The certificate's deadline for a J-1 applicant who has matched and sent their part of the
 * sponsorship, once the sponsorship's day (its J-1 target) has passed with the certificate still
 * unreported: the DS-2019's date, as the DS-2019's
 * card shows it (ecfmgDs2019Due), while that date is ahead and earlier than `due`. ECFMG issues the
 * DS-2019 only at the end of its review, which waits for the certificate, so the certificate is
 * needed by then: its card, its reminders' Due line and its countdown name that day, never the
 * certificate's own date (two weeks before residency starts) a month later. Past the DS-2019's
 * date, the DS-2019 is late (VISA_STEP_LATE, then VISA_NOT_READY_FOR_START) and `due` holds again.
 * With the sponsorship not sent, the sponsorship is the late step (VISA_STEP_LATE names it and the
 * certificate it waits for) and the certificate's chase keeps its own date, riding in the weekly
 * emails of the chain's other late steps. `due` unchanged for every other step, applicant and time.
 */
export function j1CertificateDueNow(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key">,
  due: DueDate | null,
  dates: PlanDates,
): DueDate | null {
  if (entry.key !== "ecfmg_certification" || due === null) return due;
  const needed = certificateNeededForDs2019(context, dates);
  return needed === null || needed.at >= due.at ? due : needed;
}

/**
 * The day the DS-2019 waits for the certificate by (j1CertificateDueNow), or null: a J-1 applicant
 * who has matched with the certificate and the DS-2019 still to come (sponsorshipDayNamed), their
 * part of the sponsorship sent (the step done), the DS-2019 not scheduled (a day given for it means ECFMG's review is over), the sponsorship's day
 * passed and the DS-2019's date (a late sponsorship's review end, ecfmgReviewDue: its one date) still ahead.
 * Advice (or projected with it), sourced by the DS-2019's rule. Both instants are noted for re-planning.
 */
export function certificateNeededForDs2019(context: PlanContext, dates: PlanDates): DueDate | null {
  if (dates.calendar !== context.calendar || !sponsorshipDayNamed(context)) return null;
  if (statusAt(context, SPONSORSHIP_AT) !== "done" || statusAt(context, DS2019_AT) === "scheduled")
    return null;
  const sponsorship = dates.due(SPONSORSHIP);
  const ds2019 = ecfmgReviewDue(context, dates) ?? dates.due("j1_ds2019");
  if (sponsorship === null || ds2019 === null) return null;
  noteRiskChange(context, sponsorship.at);
  noteRiskChange(context, ds2019.at);
  if (sponsorship.at >= context.now) return null;
  let needed = ds2019Needs.get(ds2019);
  if (needed === undefined) {
    needed = shapedDueDate({
      ...ds2019,
      status: ds2019.status === "projected" ? "projected" : "advice",
      basis: "advice",
      source: `needed by j1_ds2019, which waits for it (ECFMG issues the DS-2019 at the end of its sponsorship review, and sponsors a J-1 physician only with a valid certificate): its date, ${ds2019.source}`,
    });
    ds2019Needs.set(ds2019, needed);
  }
  return needed;
}

/** One due date per DS-2019 date object: PlanDates renders a due date once per object. */
const ds2019Needs = new WeakMap<DueDate, DueDate>();

/**
 * Whether the certificate's card names the sponsorship application's date as the day the
 * certificate is needed by (j1CertificateNote): a J-1 applicant who has matched, with the
 * certificate and the sponsorship still to come. The question then counts down to that day, so
 * the item's Due line and its text name the same date (certificateAskedDue).
 */
export function sponsorshipDayNamed(context: PlanContext): boolean {
  return sponsorshipAhead(context) && isFinished(statusAt(context, MATCH_DAY_AT));
}

/**
 * A J-1 applicant whose certificate and ECFMG's sponsorship are both still to come: the application,
 * or, once the applicant's part is sent (the step done), ECFMG's review, which checks the certificate
 * and ends with the DS-2019 (not received yet).
 */
export function sponsorshipAhead(context: PlanContext): boolean {
  return (
    context.applicant.visa === "J-1" &&
    context.applicable[SPONSORSHIP_AT] === true &&
    !isFinished(statusAt(context, DS2019_AT)) &&
    !isFinished(statusAt(context, CERTIFICATE_AT))
  );
}
