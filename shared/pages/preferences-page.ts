import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { DateTime } from "luxon";
import {
  CATEGORY_LABELS,
  CRITICAL_RULE_TEXT,
  CRITICAL_WINDOW_HOURS,
  REMINDER_CATEGORIES,
} from "#domain/preferences.ts";
import { clocksGoForwardWithin, DAY_MS, MINUTE_MS } from "#domain/time.ts";
import { escapeHtml as e, htmlPage } from "./layout.ts";
import { type MailStopped, type ResubscribeResult, subscriptionBanner } from "./mail-status.ts";
import {
  FIELD_ORDER,
  type PreferencesErrors,
  type PreferencesField,
  type PreferencesForm,
} from "./preferences-form.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The preferences page (no account: the signed link from any email is the key): delivery time,
 * quiet hours, digest mode, categories, and a new calendar address. With `errors` the form comes
 * back (400) as the applicant typed it: a summary naming each wrong field (linked to it), each such
 * field marked `aria-invalid` with its message beside it, and the first one focused (`autofocus`:
 * the pages run no script).
 */
export function preferencesPage(input: {
  form: PreferencesForm;
  timezone: string;
  /** Now: the note on times a spring-forward night skips shows only if the zone has one ahead. */
  now: Date;
  formAction: string;
  timelineUrl: string;
  errors?: PreferencesErrors;
  saved?: boolean;
  newFeedUrl?: string;
  /** The form asked for an action this page does not have (a stale or altered form): 400, nothing changed. */
  unknownAction?: boolean;
  /** The same "Get a new calendar address" request came again: it showed this address before and changed nothing. */
  newFeedRepeated?: boolean;
  /** Why no email comes, if none does: a banner says so (with "Subscribe again" after an unsubscribe). */
  mailStopped?: MailStopped;
  /** The unsubscribe's date, for people ("Tue 15 Jun 2027"). */
  unsubscribedOn?: string;
  /** What a "Subscribe again" POST did. */
  resubscribe?: ResubscribeResult;
}): APIGatewayProxyStructuredResultV2 {
  const p = input.form;
  const errors = input.errors ?? {};
  const wrong = FIELD_ORDER.filter((field) => errors[field] !== undefined);
  const firstWrong = wrong[0];
  /** Attributes of a field's control, and the message shown after it. */
  const marks = (field: PreferencesField, id: string = field) =>
    errors[field] === undefined
      ? ""
      : ` aria-invalid="true" aria-describedby="${field}-error"${field === firstWrong && id === firstIdOf(field, p) ? " autofocus" : ""}`;
  const message = (field: PreferencesField) =>
    errors[field] === undefined ? "" : `<p class="field-error" id="${field}-error">${e(errors[field])}</p>\n`;
  const status =
    wrong.length > 0
      ? `<div class="note critical" role="alert"><p><strong>Your preferences were not saved.</strong> Please correct:</p><ul>${wrong.map((field) => `<li><a href="#${firstIdOf(field, p)}">${e(errors[field] ?? "")}</a></li>`).join("")}</ul></div>`
      : input.unknownAction
        ? `<div class="note critical" role="alert"><p><strong>Nothing was changed.</strong> This page did not recognise that button. Please use one of the buttons below.</p></div>`
        : input.saved
          ? `<p class="note" role="status">Saved. Your next emails follow these choices.</p>`
          : "";
  const feed = !input.newFeedUrl
    ? ""
    : input.newFeedRepeated
      ? `<p class="note" role="status">This link already gave you a new calendar address, so nothing changed. It is still: <br><code>${e(input.newFeedUrl)}</code><br>For another new address, use the preferences link in a newer Matchpath email.</p>`
      : `<p class="note" role="status">Your calendar has a new address; the old one no longer works. Subscribe again with: <br><code>${e(input.newFeedUrl)}</code><br>If this address is shared by mistake too, use the preferences link in a newer Matchpath email to get another: this link gives one new address.</p>`;
  const subscription = subscriptionBanner({
    formAction: input.formAction,
    ...(input.mailStopped ? { stopped: input.mailStopped } : {}),
    ...(input.unsubscribedOn ? { unsubscribedOn: input.unsubscribedOn } : {}),
    ...(input.resubscribe ? { resubscribe: input.resubscribe } : {}),
  });
  const stopAll = input.mailStopped
    ? ""
    : `<h2>Stop all email</h2>
<p>Use <strong>Unsubscribe with one click</strong> at the bottom of any Matchpath email: it stops every email at once, whatever is chosen here. You can subscribe again on this page.</p>`;
  return htmlPage(
    wrong.length > 0 || input.unknownAction ? 400 : 200,
    "Email preferences",
    `<h1>Email preferences</h1>
${subscription}${status}${feed}
<form method="post" action="${e(input.formAction)}">
<fieldset><legend>When emails arrive</legend>
<label for="deliveryTime">Delivery time (your time, ${e(input.timezone)})</label>
<input id="deliveryTime" name="deliveryTime" type="time" required value="${e(p.deliveryTime)}"${marks("deliveryTime")}>
${message("deliveryTime")}${skippedTimesNote(input.timezone, input.now, p.deliveryTime)}
<label for="quietStart">Quiet hours start</label>
<input id="quietStart" name="quietStart" type="time" required value="${e(p.quietStart)}"${marks("quietStart")}>
${message("quietStart")}<label for="quietEnd">Quiet hours end</label>
<input id="quietEnd" name="quietEnd" type="time" required value="${e(p.quietEnd)}"${marks("quietEnd")}>
${message("quietEnd")}
<p class="due">No email starts in your quiet hours, with one exception: a reminder that cannot wait for them to end without reaching its deadline is sent during them.</p>
</fieldset>
<fieldset><legend>How often</legend>
<div><input type="radio" id="digest-as-due" name="digest" value="as-due"${p.digest === "as-due" ? " checked" : ""}${marks("digest", "digest-as-due")}> <label for="digest-as-due" class="inline">Each reminder when it is due</label></div>
<div><input type="radio" id="digest-weekly" name="digest" value="weekly"${p.digest === "weekly" ? " checked" : ""}${marks("digest", "digest-weekly")}> <label for="digest-weekly" class="inline">One weekly summary</label></div>
${message("digest")}<label for="digestDay">Weekly summary day</label>
<select id="digestDay" name="digestDay"${marks("digestDay")}>${WEEKDAYS.map((day, index) => `<option value="${index + 1}"${p.digestDay === String(index + 1) ? " selected" : ""}>${day}</option>`).join("")}</select>
${message("digestDay")}
<p class="due">With the weekly summary, anything due within ${CRITICAL_WINDOW_HOURS} hours is still sent on time, and so are critical notices (the day your plan raises them) and the countdown to a last day that keeps your Match or your start.</p>
</fieldset>
<fieldset><legend>What about</legend>
${REMINDER_CATEGORIES.map((category) => `<div><input type="checkbox" id="cat-${category}" name="categories" value="${category}"${p.categories.includes(category) ? " checked" : ""}${marks("categories", `cat-${category}`)}> <label for="cat-${category}" class="inline">${e(CATEGORY_LABELS[category])}</label></div>`).join("\n")}
${message("categories")}
<p class="note"><strong>Critical deadlines are always sent</strong>, even in a category you turn off: ${e(CRITICAL_RULE_TEXT)}.</p>
</fieldset>
<div class="actions"><button type="submit" class="primary" name="intent" value="save">Save preferences</button>
<a class="button secondary" href="${e(input.timelineUrl)}">Back to my timeline</a></div>
</form>
<h2>Calendar address</h2>
<p>If you shared your calendar address by mistake, get a new one: the old address stops working at once. Each link does this once: to do it again later, use the preferences link in a newer Matchpath email.</p>
<form method="post" action="${e(input.formAction)}"><button type="submit" class="secondary" name="intent" value="new-calendar-address">Get a new calendar address</button></form>
${stopAll}`,
  );
}

/** The control a field's error links to and focuses: for the radio group, the chosen (or first) one. */
function firstIdOf(field: PreferencesField, form: PreferencesForm): string {
  if (field === "digest") return form.digest === "weekly" ? "digest-weekly" : "digest-as-due";
  if (field === "categories") return `cat-${REMINDER_CATEGORIES[0]}`;
  return field;
}

/**
 * What a delivery time the clocks skip means, for a zone whose clocks go forward within the coming
 * year (a little over one, so next year's change is covered the day after this year's); none for
 * a zone without such a night, such as Asia/Karachi. It names the
 * applicant's own next change, found with Luxon, and says whether `deliveryTime` ("HH:MM") falls in
 * the hour it skips (Cairo skips 00:00 to 01:00, not the 02:30 of a US or
 * EU night the note gave as its example).
 */
function skippedTimesNote(zone: string, now: Date, deliveryTime: string): string {
  if (!clocksGoForwardWithin(zone, now.getTime(), SKIPPED_TIMES_REACH_DAYS)) return "";
  const change = nextSpringForward(zone, now.getTime());
  const general = "On a night the clocks go forward, a time they skip does not exist.";
  if (change === undefined) return `<p class="muted" id="deliveryTime-hint">${general}</p>`;
  const night = `${general} In ${e(zone)} the next such night is ${e(change.day)}: the clocks go forward from ${clock(change.fromMinute)} to ${clock(change.toMinute)}.`;
  // A time the form refuses (its message says why) gets no verdict.
  const parts = /^(\d{2}):(\d{2})$/.exec(deliveryTime);
  if (parts === null) return `<p class="muted" id="deliveryTime-hint">${night}</p>`;
  const chosen = Number(parts[1]) * 60 + Number(parts[2]);
  const skipped = chosen >= change.fromMinute && chosen < change.toMinute;
  const effect = skipped
    ? `Your delivery time, ${deliveryTime}, is skipped that night: that day's email comes at ${clock(chosen + change.toMinute - change.fromMinute)}, when the clock has moved on, never earlier.`
    : `Your delivery time, ${deliveryTime}, is not affected.`;
  return `<p class="muted" id="deliveryTime-hint">${night} ${effect}</p>`;
}

/**
 * The zone's next spring-forward change within the note's reach: the day it happens (the date the
 * skipped times would have had) and the skipped wall-clock minutes [fromMinute, toMinute), toMinute
 * past 1440 when the gap crosses midnight. Undefined when none (or a zone changing otherwise).
 */
function nextSpringForward(
  zone: string,
  utcMs: number,
): { day: string; fromMinute: number; toMinute: number } | undefined {
  const offset = (at: number) => DateTime.fromMillis(at, { zone }).offset;
  const end = utcMs + SKIPPED_TIMES_REACH_DAYS * DAY_MS;
  for (let probe = utcMs; probe < end; probe += DAY_MS) {
    const before = offset(probe);
    if (offset(probe + DAY_MS) <= before) continue;
    // The first minute with the new offset, by bisection within the day.
    let low = probe;
    let high = probe + DAY_MS;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offset(middle) > before) high = middle;
      else low = middle;
    }
    const after = offset(high);
    const wallBefore = DateTime.fromMillis(high, { zone: "UTC" }).plus({ minutes: before });
    const fromMinute = wallBefore.hour * 60 + wallBefore.minute;
    return { day: wallBefore.toFormat("ccc d LLL yyyy"), fromMinute, toMinute: fromMinute + after - before };
  }
  return undefined;
}

/** "HH:MM" of a minute of the day (wrapping past midnight). */
function clock(minute: number): string {
  const wrapped = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

const SKIPPED_TIMES_REACH_DAYS = 380;
