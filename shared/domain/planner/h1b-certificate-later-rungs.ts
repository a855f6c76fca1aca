import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { DAY_MS, ET_ZONE } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { h1bCertificateTarget, step3VisaDays, visaExtraDays } from "./h1b.ts";
import { certificateForRanking, laterCertificateApplyBy } from "./h1b-certificate-card.ts";
import { countedCertificateAt } from "./h1b-certificate-day.ts";
import type { TimedReminder } from "./reminders.ts";
import { APPLY_BY_LADDER, weeklyToDay } from "./weekly-to-day.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/** The hard-deadline ladder's first rung, days before the day (its 14-day rung). */
const FIRST_RUNG_DAYS = 14;

/**
 * The certificate's step on the H-1B track, still pending past its H-1B target (and abroad past the
 * visa-held day), while the later candidate's day to apply to FSMB by is ahead (laterCertificateApplyBy,
 * the day its card names): 14/3/1-day rungs to that day, titled with what to do, "then apply to FSMB
 * the same day", naming no day: their date block names the window's close (Step 3
 * waits on the certificate, so no Step 3 rung led there). The day is a whole local day in the
 * applicant's zone's slots, up to the instant the window closes (applyByDue). Appended to `into`; only the plan's own
 * Match, before ranking, with Step 3 not booked; nothing for other plans (one visa check first).
 */
export function certificateLaterApplyByReminders(
  context: PlanContext,
  entry: CatalogEntry,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  if (context.applicant.visa !== "H-1B" || stepDates.calendar !== context.calendar) return;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || isFinished(statusAt(context, STEP3_INDEX))) return;
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return;
  const target = h1bCertificateTarget(context, stepDates);
  if (target === null || target.at >= context.now) return;
  const visaDays = step3VisaDays(context);
  // Abroad, the visa-held day after the target is the card's own (it names no later day then).
  if (visaDays > 0 && countedCertificateAt(target) + visaExtraDays(visaDays) * DAY_MS >= context.now) return;
  const day = laterCertificateApplyBy(context, visaDays);
  if (day === null) return;
  const due = applyByDue(stepDates, day.applyBy, target);
  // The title names no day: the date block and the subject name the window's close, the why the
  // day the certificate must come by ("issued by Wed 13 Jan … apply by Thu 14 Jan" in one subject).
  const held = day.held ? " if you already hold a visitor visa" : "";
  const words = certificateForRanking(context, target, visaDays);
  weeklyToDay(
    context,
    entry,
    {
      // The ladder's own first rung: no follow-ups before it (the ids do not move with `now`).
      passed: shiftDays(due.at, due.zone, -FIRST_RUNG_DAYS),
      dueAt: due.at,
      detail: stepDates.rendered(due),
      title: `${entry.title}, then apply to FSMB the same day${held}${basisMark(due)}`,
      why: words.slice(1, words.indexOf(" The later deadline shown")),
      rung: "apply-by-follow-up",
      ladder: APPLY_BY_LADDER,
      lay: true,
    },
    into,
  );
}

/**
 * The later candidate's apply-by instant `at` as a due date (9:00 PM ET, as the card's and the Step 3
 * risk's window closes then: a rung after it would be dropped by the plan made then), one per
 * PlanDates and instant.
 */
function applyByDue(dates: PlanDates, at: number, target: DueDate): DueDate {
  const known = dues.get(dates);
  if (known !== undefined && known.at === at) return known;
  const due = shapedDueDate({
    at,
    zone: ET_ZONE,
    status: "projected",
    basis: "advice",
    source: `if NRMP's rank order list deadline is its later candidate: that day less Step 3's result, FSMB's processing and a test date (advice); the certificate's H-1B target (${target.source}) has passed`,
    asDay: undefined,
    dayName: undefined,
  });
  dues.set(dates, due);
  return due;
}
const dues = new WeakMap<PlanDates, DueDate>();
