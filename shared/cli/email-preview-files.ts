import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "#email/html.ts";
import type { PreviewedEmail } from "./email-preview.ts";
import { PREVIEW_ORIGIN } from "./preview-ports.ts";

/**
 * The preview's files (`npm run plan -- --emails <dir>`): per email `NN-<local date>-<kind>.html`
 * (the HTML part as sent), `.txt` (its subject and send time, then the text part as sent) and any
 * calendar file it carried, plus `index.html` listing them so a person opens one file in a browser.
 * `<kind>` is `weekly-summary` for the applicant's weekly summary, else the first reminder the email
 * says: its step and rung, e.g. `eras_application-due-in-7d`.
 */

export interface PreviewContext {
  applicantName: string;
  timezone: string;
  now: Date;
  /** The next wake-up the preview did not run (the bound stopped it), if any. */
  nextWakeUp?: Date | undefined;
}

/** A file the preview wrote before: cleared, so a shorter preview leaves no email of a longer one. */
const PREVIEW_FILE = /^(\d{2,3}-\d{4}-\d{2}-\d{2}-[A-Za-z0-9-]+(\.html|\.txt|-.+\.ics)|index\.html)$/;

/** The day of `at` in `zone`, as YYYY-MM-DD. */
function localDate(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(at)
    .slice(0, 10);
}

/** `at` as read in `zone`: "Wed 9 Dec 2026, 09:00". */
export function instantIn(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The stem of an email's files: its number, its local day and the first reminder it says. */
export function emailStem(email: PreviewedEmail, index: number, zone: string): string {
  const first = email.about[0];
  // An interview's rungs already say so ("interview-prep-1d"): the step is not said twice.
  const named =
    email.weeklySummary !== undefined
      ? "weekly-summary"
      : first === undefined
        ? "email"
        : first.rung.startsWith(first.milestone)
          ? first.rung
          : `${first.milestone}-${first.rung}`;
  const kind = named.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${String(index).padStart(2, "0")}-${localDate(email.sentAt, zone)}-${kind.slice(0, 60)}`;
}

/**
 * An attachment's file beside its email: an interview's id may hold ":" (InterviewIdSchema), which
 * some file systems refuse, so anything but letters, digits, ".", "_" and "-" becomes "-".
 */
function attachmentName(stem: string, filename: string): string {
  return `${stem}-${filename.replace(/[^A-Za-z0-9._-]/g, "-")}`;
}

/** Writes the preview into `dir` (created if absent); returns the index's path. */
export function writePreview(
  dir: string,
  emails: readonly PreviewedEmail[],
  context: PreviewContext,
): string {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (PREVIEW_FILE.test(name)) rmSync(join(dir, name));
  const { timezone } = context;
  emails.forEach((each, position) => {
    const stem = emailStem(each, position + 1, timezone);
    writeFileSync(join(dir, `${stem}.html`), each.email.html);
    const header = `Subject: ${each.email.subject}\nSent: ${instantIn(each.sentAt, timezone)} (${timezone}), ${utc(each.sentAt)}\n\n`;
    writeFileSync(join(dir, `${stem}.txt`), `${header}${each.email.text}`);
    for (const file of each.email.attachments ?? [])
      writeFileSync(join(dir, attachmentName(stem, file.filename)), file.content);
  });
  const index = join(dir, "index.html");
  writeFileSync(index, indexHtml(emails, context));
  return index;
}

function indexHtml(emails: readonly PreviewedEmail[], context: PreviewContext): string {
  const { timezone, applicantName } = context;
  const rows = emails.map((each, position) => {
    const stem = emailStem(each, position + 1, timezone);
    const files = (each.email.attachments ?? []).map(
      (file) =>
        ` <a href="${escapeHtml(attachmentName(stem, file.filename))}">${escapeHtml(file.filename)}</a>`,
    );
    return `<tr><td>${position + 1}</td><td>${escapeHtml(instantIn(each.sentAt, timezone))}</td><td>${escapeHtml(utc(each.sentAt))}</td><td><a href="${escapeHtml(stem)}.html">${escapeHtml(each.email.subject)}</a></td><td><a href="${escapeHtml(stem)}.txt">text</a>${files.join("")}</td><td>${each.weeklySummary === undefined ? "" : `Weekly summary (${escapeHtml(each.weeklySummary)}): `}${escapeHtml(each.about.map((one) => `${one.milestone} (${one.rung})`).join(", "))}</td></tr>`;
  });
  const after =
    context.nextWakeUp === undefined
      ? "No wake-up is armed after these: the plan lays no further email without a new answer."
      : `The preview stopped at its bound; the next wake-up is ${instantIn(context.nextWakeUp, timezone)} (${timezone}), ${utc(context.nextWakeUp)}.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Emails for ${escapeHtml(applicantName)}: preview</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; color: #1a1a1a; background: #fff; line-height: 1.4; }
table { border-collapse: collapse; } th, td { border: 1px solid #767676; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
a { color: #0b57a4; }
</style>
</head>
<body>
<main>
<h1>Emails Matchpath would send ${escapeHtml(applicantName)}</h1>
<p>Planned as of ${escapeHtml(instantIn(context.now, timezone))} (${escapeHtml(timezone)}), ${escapeHtml(utc(context.now))}. Each email is the one the reminder function would send at that instant: the plan made again then, what is due gathered into one message, with no answer changed after the snapshot.</p>
<p>Links in the emails point at the placeholder origin <code>${PREVIEW_ORIGIN}</code>, signed with a key made for this preview alone: they show where each button goes and open nothing.</p>
<table>
<caption>${emails.length === 0 ? "No email" : `${emails.length} email${emails.length === 1 ? "" : "s"}`}, in the order they go</caption>
<thead><tr><th scope="col">#</th><th scope="col">Sent (${escapeHtml(timezone)})</th><th scope="col">Sent (UTC)</th><th scope="col">Subject</th><th scope="col">Files</th><th scope="col">Reminders</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<p>${escapeHtml(after)}</p>
</main>
</body>
</html>
`;
}
