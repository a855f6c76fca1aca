import { stepName } from "#domain/console/advisor-voice.ts";
import { STAGES, type Stage } from "#domain/console/stage.ts";
import { DATE_TAGS, dateTag } from "#domain/date-basis.ts";
import { deadlineWords } from "#domain/date-words.ts";
import type { Deadline, StepSubject } from "#domain/plan.ts";
import { atTheProgram, inProgramZone } from "#domain/program-time.ts";
import type { Interview, MilestoneKey } from "#domain/snapshot.ts";
import { renderDate, renderEt, renderInZone } from "#domain/time.ts";
import { sourceLinks } from "#email/for-people.ts";
import { escapeHtml as h } from "#email/html.ts";

/**
 * What every console page shares. Protected routes answer fragments that the shell swaps into its
 * <main> (htmx); links are #/paths the shell routes, so the bearer token rides on every request.
 */
export { h };

/**
 * An ISO instant as a <time> element, in US Eastern time like the programs' deadlines ("Mon 30 Nov
 * 2026, 11:59 PM ET"); "—" when absent. A UTC reading put an ET-midnight deadline, and the exam
 * day of anyone east of UTC, on the wrong calendar day.
 */
export function when(iso: string | undefined | null): string {
  if (!iso) return "—";
  return `<time datetime="${h(iso)}">${h(renderEt(Date.parse(iso)))}</time>`;
}

/**
 * An instant that reaches the applicant (a reminder sent or scheduled, timed to their day): in ET
 * as `when`, then in the applicant's zone, where "9:00 AM" says it arrives in their morning.
 */
export function whenFor(iso: string, zone: string): string {
  return `${when(iso)} <span class="muted">(${h(renderInZone(zone, Date.parse(iso)))} their time)</span>`;
}

/**
 * A plan's date as the applicant's timeline words it (date-words.ts): a day (the applicant's own
 * date, an advisory day) as that day; an exact deadline in ET and, unless `short` (a table cell),
 * in the applicant's time after it; "projected" kept. An interview (`interview`) is in the
 * applicant's time and then the program's, never ET, which is neither's, as on their timeline
 * and in the emails; `atProgram` is atTheProgram's words, undefined when it has none.
 */
export function deadlineWhen(
  deadline: Deadline,
  options: { short?: boolean; interview?: { atProgram: string | undefined } } = {},
): string {
  const words = deadlineWords(deadline);
  const atProgram = options.interview?.atProgram;
  const shown =
    words.et === undefined
      ? words.local
      : options.interview !== undefined
        ? `${words.local} their time${atProgram === undefined ? "" : ` · ${atProgram}`}`
        : options.short
          ? words.et
          : `${words.et} (${words.local} their time)`;
  // Tagged by who sets the date (dateTag), as the applicant's timeline is: the contract's window
  // after Match Day is our advice, not a projected date.
  const tag = dateTag(deadline);
  const badge = tag === undefined ? "" : ` <span class="badge">${h(tag)}</span>`;
  return `<time datetime="${h(deadline.day ?? deadline.at)}">${h(shown)}</time>${badge}`;
}

/**
 * A step's deadline as deadlineWhen words it; an interview's (`subject` "interview") in the
 * applicant's zone and the program's (atTheProgram on `interviews`, the plan's own), never ET.
 */
export function stepDeadlineWhen(
  step: { subject: StepSubject; interviewId?: string },
  deadline: Deadline,
  interviews: readonly Interview[] | undefined,
): string {
  if (step.subject !== "interview") return deadlineWhen(deadline);
  return deadlineWhen(deadline, {
    interview: { atProgram: atTheProgram(step.interviewId, deadline.at, interviews) },
  });
}

/** The applicant's own date (a booked exam) as its calendar day, in the timeline's words. */
export function ownDay(own: Deadline): string {
  return h(deadlineWords(own).local);
}

/**
 * A cohort row's next deadline in words, as its cell and the CSV's human column show it: a day as
 * that day, an interview's in its program's zone (`programZone`, as every view gives an
 * interview: never ET), any other instant in ET.
 */
export function rowDeadlineWords(deadline: { at: string; day?: string; programZone?: string }): string {
  if (deadline.day !== undefined) return renderDate(deadline.day);
  if (deadline.programZone !== undefined) return inProgramZone(deadline.programZone, deadline.at);
  return renderEt(Date.parse(deadline.at));
}

/**
 * A cohort row's next date in words for the CSV's human column: the date, then what it is when it
 * is not a deadline, with the step's deadline ("Wed 27 Jan 2027 (target, not a deadline; deadline
 * Wed 25 Aug 2027, 9:00 AM ET)").
 */
export function rowCountdownWords(next: {
  at: string;
  day?: string;
  programZone?: string;
  kind?: "deadline" | "own-date" | "target" | "email";
  deadline?: { at: string; day?: string };
}): string {
  const shown = rowDeadlineWords(next);
  if (next.kind === undefined || next.kind === "deadline") return shown;
  const what =
    next.kind === "target" ? DATE_TAGS.target : next.kind === "email" ? NEXT_EMAIL : "their own date";
  return `${shown} (${what}${next.deadline ? `; deadline ${rowDeadlineWords(next.deadline)}` : ""})`;
}

/**
 * A cohort row's next date: ET, or the day when it is one (stored rows carry `day` then); a target
 * labelled as the timeline labels it, and the step's hard deadline after it, so both read.
 */
/**
 * A row whose steps have no date ahead shows its next email on the day it is sent: a send
 * day of ours, so no date badge, only what it is.
 */
const NEXT_EMAIL = "next email";
const NEXT_EMAIL_BADGE = ` <span class="badge">${NEXT_EMAIL}</span>`;
const TARGET_BADGE = ` <span class="badge">${DATE_TAGS.target}</span>`;

export function rowDeadlineWhen(deadline: {
  at: string;
  status: string;
  basis?: string;
  day?: string;
  programZone?: string;
  kind?: "deadline" | "own-date" | "target" | "email";
  deadline?: { at: string; status: string; basis?: string; day?: string };
}): string {
  const one = (
    date: { at: string; status: string; basis?: string; day?: string; programZone?: string },
    label = "",
  ) => {
    // By who sets the date (dateTag; a row stored before `basis` has its status).
    // A target's own badge already says it is our advice: no second one.
    const tag =
      label === TARGET_BADGE || label === NEXT_EMAIL_BADGE
        ? undefined
        : dateTag({ status: date.status as Deadline["status"], basis: date.basis as Deadline["basis"] });
    const badge = tag === undefined ? "" : ` <span class="badge">${h(tag)}</span>`;
    return `<time datetime="${h(date.day ?? date.at)}">${h(rowDeadlineWords(date))}</time>${label}${badge}`;
  };
  const label =
    deadline.kind === "target"
      ? TARGET_BADGE
      : deadline.kind === "own-date"
        ? ` <span class="badge">their own date</span>`
        : deadline.kind === "email"
          ? NEXT_EMAIL_BADGE
          : "";
  const hard = deadline.deadline ? `<br><span class="muted">deadline ${one(deadline.deadline)}</span>` : "";
  return `${one(deadline, label)}${hard}`;
}

/** The console's form fields by the request paths zod reports ("0.startsAt", "changes", "(root)"). */
const FIELD_LABELS: Record<string, string> = {
  key: "Milestone",
  milestone: "Milestone",
  status: "Status",
  date: "Date",
  id: "Interview (to move)",
  program: "Program",
  startsAt: "Starts at",
  timezone: "Program's time zone",
  format: "Format",
  visa: "Visa",
  matchYear: "Match year",
  kind: "Change",
  saveId: "Save",
};

/**
 * A failing field in the advisor's words: the form's label, not the internal path of the changes
 * ("0.startsAt", "(root)"); the whole change when no one field is at fault.
 */
export function fieldForAdvisor(path: string): string {
  const field = path.replace(/^changes\.?/, "").replace(/^\d+\.?/, "");
  if (field === "" || field === "(root)") return "The change";
  const [head = field] = field.split(".");
  return FIELD_LABELS[head] ?? field;
}

/** A refused request: the title, what was wrong with each field (RFC 9457 `errors`), and a way back. */
export function problemFragment(
  title: string,
  detail: string,
  errors: readonly { path: string; message: string }[] = [],
): string {
  const fields =
    errors.length === 0
      ? ""
      : `<ul>${errors.map((error) => `<li><strong>${h(fieldForAdvisor(error.path))}</strong>: ${h(error.message)}</li>`).join("")}</ul>`;
  return `<h1>${h(title)}</h1><div role="alert"><p>${h(detail)}</p>${fields}</div><p><a href="#/cohort">Back to the cohort</a></p>`;
}

/** A milestone as the advisor names it (advisor-voice.ts: usmle_step3 → "USMLE Step 3", never "your"). */
export function titleOf(key: MilestoneKey): string {
  return stepName(key);
}

export function isStage(value: string | undefined): value is Stage {
  return value !== undefined && (STAGES as readonly string[]).includes(value);
}

/**
 * Where a sentence's dates come from, after it and compact, as the emails show them (for-people.ts):
 * " Sources: aamc.org · nrmp.org", each a link to the authority's page ("" when none has one). No
 * inline style: the console's CSP allows none. Phrasing content, to end the sentence's paragraph.
 */
export function sourceLinksAfter(sources: readonly string[]): string {
  const links = sourceLinks(sources);
  if (links.length === 0) return "";
  return ` <span class="source-links">Sources: ${links.map((link) => `<a href="${h(link.url)}" target="_blank" rel="noopener noreferrer">${h(link.label)}</a>`).join(" · ")}</span>`;
}

/** The sources in full (a projection's rule, which no page states), collapsed below the sentence. */
export function sourcesInFull(sources: readonly string[]): string {
  if (sources.length === 0) return "";
  return `<details class="sources"><summary>How these dates are known</summary><ul>${sources.map((source) => `<li>${h(source)}</li>`).join("")}</ul></details>`;
}
