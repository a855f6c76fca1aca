import { CLOCK } from "#domain/iso-texts.ts";
import { type Preferences, PreferencesSchema, REMINDER_CATEGORIES } from "#domain/preferences.ts";

/** The preferences form as the applicant typed it: kept as text, so a refused form shows it back unchanged. */
export interface PreferencesForm {
  deliveryTime: string;
  quietStart: string;
  quietEnd: string;
  digest: string;
  digestDay: string;
  categories: string[];
}

export type PreferencesField = keyof PreferencesForm;

/** What the form says is wrong, one plain sentence per field, in the form's order. */
export type PreferencesErrors = Partial<Record<PreferencesField, string>>;

export const FIELD_ORDER: readonly PreferencesField[] = [
  "deliveryTime",
  "quietStart",
  "quietEnd",
  "digest",
  "digestDay",
  "categories",
];

export function formOf(preferences: Preferences): PreferencesForm {
  return {
    deliveryTime: preferences.deliveryTime,
    quietStart: preferences.quietHours.start,
    quietEnd: preferences.quietHours.end,
    digest: preferences.digest,
    digestDay: String(preferences.digestDay),
    categories: REMINDER_CATEGORIES.filter((category) => !preferences.mutedCategories.includes(category)),
  };
}

export function formFromBody(body: URLSearchParams): PreferencesForm {
  return {
    deliveryTime: body.get("deliveryTime") ?? "",
    quietStart: body.get("quietStart") ?? "",
    quietEnd: body.get("quietEnd") ?? "",
    digest: body.get("digest") ?? "",
    digestDay: body.get("digestDay") ?? "",
    categories: body.getAll("categories"),
  };
}

/**
 * Reads the posted form into preferences, or names every field that is wrong in words an
 * applicant understands. Refused besides what the schema refuses: a category the page never
 * offered, and quiet hours that start and end at the same minute (which would silently mean none).
 */
export function readPreferencesForm(
  form: PreferencesForm,
): { ok: true; preferences: Preferences } | { ok: false; errors: PreferencesErrors } {
  const errors: PreferencesErrors = {};
  if (!CLOCK.test(form.deliveryTime)) {
    errors.deliveryTime = "Enter the delivery time as hours and minutes, for example 09:00.";
  }
  if (!CLOCK.test(form.quietStart)) {
    errors.quietStart = "Enter when quiet hours start as hours and minutes, for example 21:00.";
  }
  if (!CLOCK.test(form.quietEnd)) {
    errors.quietEnd = "Enter when quiet hours end as hours and minutes, for example 08:00.";
  } else if (form.quietEnd === form.quietStart) {
    errors.quietEnd = `Quiet hours cannot start and end at the same time (${form.quietEnd}); choose an end after the start, for example 21:00 to 08:00.`;
  }
  if (form.digest !== "as-due" && form.digest !== "weekly") {
    errors.digest = "Choose either each reminder when it is due, or one weekly summary.";
  }
  if (!/^[1-7]$/.test(form.digestDay)) errors.digestDay = "Choose a weekday for the weekly summary.";
  const unknown = form.categories.filter(
    (category) => !(REMINDER_CATEGORIES as readonly string[]).includes(category),
  );
  if (unknown.length > 0) {
    errors.categories = `Matchpath has no category “${unknown[0]}”; choose among the ones listed.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = PreferencesSchema.safeParse({
    deliveryTime: form.deliveryTime,
    quietHours: { start: form.quietStart, end: form.quietEnd },
    digest: form.digest,
    digestDay: Number(form.digestDay),
    mutedCategories: REMINDER_CATEGORIES.filter((category) => !form.categories.includes(category)),
  });
  if (parsed.success) return { ok: true, preferences: parsed.data };
  // The fields are well formed, so what remains is the schema's rule across fields: the delivery
  // time must lie outside the quiet hours.
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === "deliveryTime") {
      errors.deliveryTime = `The delivery time ${form.deliveryTime} is inside your quiet hours (${form.quietStart} to ${form.quietEnd}): choose a delivery time outside them, or change the quiet hours.`;
    } else {
      errors.digest ??= `These choices cannot be saved: ${issue.message}.`;
    }
  }
  return { ok: false, errors };
}
