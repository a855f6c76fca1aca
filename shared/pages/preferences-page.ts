import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import {
  CATEGORY_LABELS,
  CRITICAL_WINDOW_HOURS,
  type Preferences,
  REMINDER_CATEGORIES,
} from "#domain/preferences.ts";
import { escapeHtml as e, htmlPage } from "./layout.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The preferences page (no account: the signed link from any email is the key): delivery time,
 * quiet hours, digest mode, categories, and a new calendar address. `problem` re-shows the form
 * with what was wrong (400).
 */
export function preferencesPage(input: {
  preferences: Preferences;
  timezone: string;
  formAction: string;
  timelineUrl: string;
  problem?: string;
  saved?: boolean;
  newFeedUrl?: string;
}): APIGatewayProxyStructuredResultV2 {
  const p = input.preferences;
  const status = input.problem
    ? `<p class="note critical" role="alert">${e(input.problem)}</p>`
    : input.saved
      ? `<p class="note" role="status">Saved. Your next emails follow these choices.</p>`
      : "";
  const feed = input.newFeedUrl
    ? `<p class="note" role="status">Your calendar has a new address; the old one no longer works. Subscribe again with: <br><code>${e(input.newFeedUrl)}</code></p>`
    : "";
  return htmlPage(
    input.problem ? 400 : 200,
    "Email preferences",
    `<h1>Email preferences</h1>
${status}${feed}
<form method="post" action="${e(input.formAction)}">
<fieldset><legend>When emails arrive</legend>
<label for="deliveryTime">Delivery time (your time, ${e(input.timezone)})</label>
<input id="deliveryTime" name="deliveryTime" type="time" required value="${e(p.deliveryTime)}">
<label for="quietStart">Quiet hours start</label>
<input id="quietStart" name="quietStart" type="time" required value="${e(p.quietHours.start)}">
<label for="quietEnd">Quiet hours end</label>
<input id="quietEnd" name="quietEnd" type="time" required value="${e(p.quietHours.end)}">
<p class="due">No email starts in your quiet hours.</p>
</fieldset>
<fieldset><legend>How often</legend>
<div><input type="radio" id="digest-as-due" name="digest" value="as-due"${p.digest === "as-due" ? " checked" : ""}> <label for="digest-as-due" class="inline">Each reminder when it is due</label></div>
<div><input type="radio" id="digest-weekly" name="digest" value="weekly"${p.digest === "weekly" ? " checked" : ""}> <label for="digest-weekly" class="inline">One weekly summary</label></div>
<label for="digestDay">Weekly summary day</label>
<select id="digestDay" name="digestDay">${WEEKDAYS.map((day, index) => `<option value="${index + 1}"${p.digestDay === index + 1 ? " selected" : ""}>${day}</option>`).join("")}</select>
<p class="due">With the weekly summary, anything due within ${CRITICAL_WINDOW_HOURS} hours is still sent on time.</p>
</fieldset>
<fieldset><legend>What about</legend>
${REMINDER_CATEGORIES.map((category) => `<div><input type="checkbox" id="cat-${category}" name="categories" value="${category}"${p.mutedCategories.includes(category) ? "" : " checked"}> <label for="cat-${category}" class="inline">${e(CATEGORY_LABELS[category])}</label></div>`).join("\n")}
<p class="note"><strong>Critical deadlines are always sent</strong>, even in a category you turn off: reminders within ${CRITICAL_WINDOW_HOURS} hours of a deadline set by ECFMG, ERAS or the NRMP, and anything a critical risk in your plan names.</p>
</fieldset>
<div class="actions"><button type="submit" class="primary" name="intent" value="save">Save preferences</button>
<a class="button secondary" href="${e(input.timelineUrl)}">Back to my timeline</a></div>
</form>
<h2>Calendar address</h2>
<p>If you shared your calendar address by mistake, get a new one: the old address stops working at once.</p>
<form method="post" action="${e(input.formAction)}"><button type="submit" class="secondary" name="intent" value="new-calendar-address">Get a new calendar address</button></form>
<h2>Stop all email</h2>
<p>Use <strong>Unsubscribe with one click</strong> at the bottom of any Matchpath email: it stops every email at once, whatever is chosen here.</p>`,
  );
}
