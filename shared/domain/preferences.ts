import * as z from "zod";
import { catalogEntry } from "./catalog/index.ts";
import type { Plan, Reminder, StepSubject } from "./plan.ts";
import {
  fromWall,
  inQuietWindow,
  isoInZone,
  minutesFromClock,
  toWall,
  wallDayStart,
  wallMinuteOfDay,
} from "./time.ts";

/**
 * The applicant's email preferences, set without an account from the page their emails link to
 * (issue 14): delivery time, quiet hours, digest mode and categories. Applied to a plan's
 * reminders by {@link applyPreferences}; pure, no clock.
 */

export const REMINDER_CATEGORIES = ["exams", "eras_nrmp", "interviews", "visa", "budget"] as const;
export type ReminderCategory = (typeof REMINDER_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ReminderCategory, string> = {
  exams: "Exams and ECFMG (USMLE, OET, Pathway, certification)",
  eras_nrmp: "ERAS and NRMP (documents, application, registration, rank list)",
  interviews: "Interviews",
  visa: "Visa",
  budget: "Budget",
};

/** Which category a step's reminders belong to. */
export const CATEGORY_OF: Record<StepSubject, ReminderCategory> = {
  wdoms_listing: "exams",
  ecfmg_application: "exams",
  usmle_step1: "exams",
  usmle_step2ck: "exams",
  oet_medicine: "exams",
  ecfmg_pathway: "exams",
  ecfmg_certification: "exams",
  usmle_step3: "exams",
  usce: "eras_nrmp",
  research: "eras_nrmp",
  lors: "eras_nrmp",
  personal_statement: "eras_nrmp",
  cv: "eras_nrmp",
  program_list: "eras_nrmp",
  eras_token: "eras_nrmp",
  eras_application: "eras_nrmp",
  nrmp_registration: "eras_nrmp",
  rank_order_list: "eras_nrmp",
  match_week: "eras_nrmp",
  soap: "eras_nrmp",
  match_day: "eras_nrmp",
  interview: "interviews",
  contract: "visa",
  j1_statement_of_need: "visa",
  j1_ecfmg_sponsorship: "visa",
  j1_ds2019: "visa",
  visa_j1: "visa",
  visa_h1b: "visa",
  budget: "budget",
};

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be HH:MM (24-hour)" });

export const PreferencesSchema = z
  .object({
    /** Local time reminders arrive; default 09:00. */
    deliveryTime: Clock.default("09:00"),
    /** No email starts in this window (local); it may wrap midnight. Default 21:00-08:00. */
    quietHours: z.object({ start: Clock, end: Clock }).default({ start: "21:00", end: "08:00" }),
    /** "as-due": each reminder when due; "weekly": one summary a week, anything due within 72 h still on time. */
    digest: z.enum(["as-due", "weekly"]).default("as-due"),
    /** Weekly summary day, 1 = Monday … 7 = Sunday (ISO weekday). */
    digestDay: z.number().int().min(1).max(7).default(1),
    /** Categories the applicant turned off; critical deadlines are sent anyway. */
    mutedCategories: z.array(z.enum(REMINDER_CATEGORIES)).max(REMINDER_CATEGORIES.length).default([]),
  })
  .refine((value) => !inWindow(minutesFromClock(value.deliveryTime), value.quietHours), {
    message: "the delivery time falls in the quiet hours",
    path: ["deliveryTime"],
  });
export type Preferences = z.output<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/** Hours before a deadline within which a reminder is never held back for a digest or a muted category. */
export const CRITICAL_WINDOW_HOURS = 72;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function inWindow(minute: number, window: { start: string; end: string }): boolean {
  return inQuietWindow(minute, { start: minutesFromClock(window.start), end: minutesFromClock(window.end) });
}

/**
 * Critical reminders are always sent, whatever the categories: those within 72 hours of a deadline
 * an authority sets (ECFMG, ERAS, NRMP: a confirmed or projected season date), and those about a
 * step a critical risk names.
 */
export function isCritical(reminder: Reminder, plan: Plan): boolean {
  const authority = isAuthorityDeadline(reminder);
  const close =
    Date.parse(reminder.deadline) - Date.parse(reminder.sendAt) <= CRITICAL_WINDOW_HOURS * HOUR_MS;
  if (authority && close) return true;
  return plan.risks.some(
    (risk) => risk.severity === "critical" && risk.milestones.includes(reminder.milestone),
  );
}

/**
 * Whether the reminder's date is one an authority sets: a confirmed date, or a projected one that is
 * the season date itself (catalog due rule from the season, offset 0, not advice). A Matchpath
 * target date ("(target date)", source "target: …") or a date counted from another step's date is
 * ours, even when it is projected from a projected season date.
 */
function isAuthorityDeadline(reminder: Reminder): boolean {
  const detail = reminder.deadlineDetail;
  if (detail.status === "confirmed") return true;
  if (detail.status !== "projected" || reminder.milestone === "interview") return false;
  if (detail.source.startsWith("target:")) return false;
  const due = catalogEntry(reminder.milestone).due;
  return due.from === "season" && due.offsetDays === 0 && due.basis !== "advice";
}

/** sendAt moved later to the next allowed instant, or kept when moving would reach the deadline. */
function moved(reminder: Reminder, at: number, zone: string): Reminder {
  if (at === Date.parse(reminder.sendAt) || at >= Date.parse(reminder.deadline)) return reminder;
  return { ...reminder, sendAt: new Date(at).toISOString(), sendAtLocal: isoInZone(zone, at) };
}

/** The first instant at or after `at` outside the quiet window (local). */
function outOfQuiet(at: number, zone: string, quiet: { start: string; end: string }): number {
  const wall = toWall(zone, at);
  if (!inWindow(wallMinuteOfDay(wall), quiet)) return at;
  const endMinute = minutesFromClock(quiet.end);
  let end = wallDayStart(wall) + endMinute * 60_000;
  if (end <= wall) end += DAY_MS;
  return fromWall(zone, end);
}

/** The weekly slot: the next `digestDay` on or after the reminder's local day, same local time. */
function weeklySlot(at: number, zone: string, digestDay: number): number {
  const wall = toWall(zone, at);
  const weekday = ((new Date(wallDayStart(wall)).getUTCDay() + 6) % 7) + 1;
  const days = (digestDay - weekday + 7) % 7;
  return fromWall(zone, wall + days * DAY_MS);
}

/**
 * The plan's reminders as the applicant asked for them: muted categories dropped (critical ones
 * kept), the weekly digest gathering what is not due within 72 hours onto one day, and nothing
 * starting in quiet hours. A reminder is never moved to or past its deadline. Ids do not change,
 * so the ledger still knows what was sent. The delivery time itself is the planner's input
 * (`applicant.reminderTime`), so this function does not re-time to it.
 */
export function applyPreferences(plan: Plan, preferences: Preferences | undefined, zone: string): Plan {
  if (!preferences) return plan;
  const muted = new Set(preferences.mutedCategories);
  const reminders: Reminder[] = [];
  for (const reminder of plan.reminders) {
    const critical = isCritical(reminder, plan);
    if (muted.has(CATEGORY_OF[reminder.milestone]) && !critical) continue;
    let at = Date.parse(reminder.sendAt);
    const dueSoon = Date.parse(reminder.deadline) - at <= CRITICAL_WINDOW_HOURS * HOUR_MS;
    if (preferences.digest === "weekly" && !dueSoon) {
      const slot = weeklySlot(at, zone, preferences.digestDay);
      // Gathered onto the weekly day only while that still leaves the 72 hours before the deadline.
      if (slot <= Date.parse(reminder.deadline) - CRITICAL_WINDOW_HOURS * HOUR_MS) at = slot;
    }
    at = outOfQuiet(at, zone, preferences.quietHours);
    reminders.push(moved(reminder, at, zone));
  }
  return { ...plan, reminders };
}
