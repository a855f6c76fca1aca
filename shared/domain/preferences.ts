import { CLOCK } from "./iso-texts.ts";
import { deliveryMinute, inQuietWindow, minutesFromClock } from "./time.ts";
import * as z from "./zod-mini.ts";

/**
 * The applicant's email preferences, set without an account from the page their emails link to:
 * delivery time, quiet hours, digest mode and categories. Applied to a plan's
 * reminders by `applyPreferences` (apply-preferences.ts, which needs the catalog; this module does
 * not, so the stores and pages that read preferences stay off it); pure, no clock.
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

/** Whether a local minute of the day falls in a window given as HH:MM clocks (it may wrap midnight). */
export function inWindow(minute: number, window: { start: string; end: string }): boolean {
  return inQuietWindow(minute, { start: minutesFromClock(window.start), end: minutesFromClock(window.end) });
}

const Clock = z.string().check(z.regex(CLOCK, { message: "must be HH:MM (24-hour)" }));

export const PreferencesSchema = z
  .object({
    /** Local time reminders arrive; default 09:00. */
    deliveryTime: z._default(Clock, "09:00"),
    /** No email starts in this window (local); it may wrap midnight. Default 21:00-08:00. */
    quietHours: z._default(z.object({ start: Clock, end: Clock }), { start: "21:00", end: "08:00" }),
    /**
     * "as-due": each reminder when due; "weekly": one summary a week, anything due within 72 h still
     * on time, a critical notice and a last day's countdown on their own days (breaksThroughSummary).
     */
    digest: z._default(z.enum(["as-due", "weekly"]), "as-due"),
    /** Weekly summary day, 1 = Monday … 7 = Sunday (ISO weekday). */
    digestDay: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(7)), 1),
    /** Categories the applicant turned off; critical deadlines are sent anyway. */
    mutedCategories: z._default(
      z.array(z.enum(REMINDER_CATEGORIES)).check(z.maxLength(REMINDER_CATEGORIES.length)),
      [],
    ),
  })
  .check(
    z.refine((value) => !inWindow(minutesFromClock(value.deliveryTime), value.quietHours), {
      message: "the delivery time falls in the quiet hours",
      path: ["deliveryTime"],
    }),
  );
export type Preferences = z.output<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

/**
 * The preferences in effect for an applicant: those saved on the preferences page, else the
 * defaults with the delivery time the planner uses (the intake form's `reminderTime`, moved out of
 * the default quiet hours as `deliveryMinute` moves it). The page shows these, so a save that
 * changes something else keeps the applicant's time (it reset 08:30 to 09:00).
 */
export function preferencesInEffect(profile: {
  preferences?: Preferences;
  reminderTime?: string;
}): Preferences {
  if (profile.preferences !== undefined) return profile.preferences;
  if (profile.reminderTime === undefined) return DEFAULT_PREFERENCES;
  const minute = deliveryMinute(profile.reminderTime);
  const deliveryTime = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  return { ...DEFAULT_PREFERENCES, deliveryTime };
}

/** Hours before a deadline within which a reminder is never held back for a digest or a muted category. */
export const CRITICAL_WINDOW_HOURS = 72;

/**
 * What the preferences page says is always sent, in the applicant's words: the rule isCritical
 * (apply-preferences.ts) applies. Kept here, not there, so the page does not load the catalog.
 */
export const CRITICAL_RULE_TEXT = `the last reminder before each hard deadline tied to a date ECFMG, ERAS or the NRMP sets, or to the residency start date (such as Step 1 and Step 2 CK, the ECFMG Pathway, the ERAS application, NRMP registration, the rank order list and the visa), and before the deadline of each step one of those cannot go in without (OET Medicine, whose result goes in with the Pathway application; the ECFMG application; the ERAS token; the DS-2019 and the H-1B petition); every reminder within ${CRITICAL_WINDOW_HOURS} hours of a deadline ECFMG, ERAS or the NRMP sets; and anything a critical risk in your plan names`;
