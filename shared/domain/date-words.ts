import { actByDayLabel, certificateCheckLabel, SCORE_BELOW_PASSING_LABEL } from "./act-by-day-labels.ts";
import { DATE_TAGS, dateTag } from "./date-basis.ts";
import { questionReminderLabel, questionStepLabel } from "./match-outcome-labels.ts";
import { datedBySoapEnd } from "./match-outcome-question.ts";
import { type MissedDateItem, missedDateLabel, OVERDUE_SINCE_LABEL } from "./missed-date-label.ts";
import type { Deadline, NextStep, Reminder, Risk, StepSubject } from "./plan.ts";
import { behindPlanWords, overdueWords, stepBadge } from "./step-badge.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./time.ts";

const MIDNIGHT = /, 12:00 AM [^,]+$/;

/**
 * A deadline as the emails, pages and calendar print it. A date the applicant gave without a time (the day
 * of their exam) is a day, not the instant the planner stores for it (local midnight): it reads
 * "Thu 20 Aug 2026", with no "12:00 AM" and no US Eastern conversion, which would only confuse.
 * An interview keeps its time, midnight included (9:00 AM in Denver is midnight in Manila).
 */
export function deadlineWords(deadline: Deadline): { local: string; et?: string } {
  if (deadline.status === "applicant" && deadline.precision !== "instant" && MIDNIGHT.test(deadline.local)) {
    return { local: deadline.local.replace(MIDNIGHT, "") };
  }
  // A target is a day, the rule's (Deadline.precision "day"): an ET copy of a day is
  // the same day or a confusing neighbour, never information.
  if (deadline.precision === "day") return { local: deadline.local };
  return { local: deadline.local, et: deadline.et };
}

/**
 * " (your time)" after a date that is an instant shown in the applicant's zone; "" after a day
 * (the applicant's own date, a target), which has no time to convert. Emails, pages and the
 * calendar put it after `deadlineWords(...).local`.
 */
export function yourTimeSuffix(deadline: Deadline): string {
  return deadlineWords(deadline).et === undefined ? "" : " (your time)";
}

/**
 * Steps whose date is something that happens on NRMP's calendar, not a deadline the applicant must
 * meet: the feed, the timeline and the emails say "On …", never "Due"
 * ("Due: Match Day: learn where you matched" read as an obligation on a day with nothing to do;
 * the timeline still said "Due"). One rule for all three.
 */
export const NRMP_EVENTS: ReadonlySet<StepSubject> = new Set(["match_week", "match_day", "soap"]);

/** True for an NRMP event (NRMP_EVENTS): its date reads "On …", never "Due …". */
export function isNrmpEvent(subject: StepSubject): boolean {
  return NRMP_EVENTS.has(subject);
}

/** The words before an NRMP event's date (isNrmpEvent). */
export const NRMP_EVENT_LABEL = { label: "On", inline: "on" } as const;
/** The words before SOAP's date once it runs (datedBySoapEnd): its end, not an event on that day. */
export const SOAP_END_LABEL = { label: "Ends", inline: "ends" } as const;

/**
 * A step's date's words on every display: answered by (asksMatchOutcome), overdue since once that
 * date has passed (`urgency`: the question goes on, "Answer by" a day gone read as an instruction,
 * as its emails say), ends (datedBySoapEnd), on (isNrmpEvent), else `otherwise`.
 */
export function stepDateLabel(
  step: { milestone: StepSubject; title: string; deadline?: Pick<Deadline, "local"> } & Partial<
    Pick<NextStep, "urgency">
  >,
  otherwise: { readonly label: string; readonly inline: string },
): { readonly label: string; readonly inline: string } {
  const question = questionStepLabel(step);
  if (question !== undefined) return step.urgency === "overdue" ? OVERDUE_SINCE_LABEL : question;
  if (datedBySoapEnd(step)) return SOAP_END_LABEL;
  return isNrmpEvent(step.milestone) ? NRMP_EVENT_LABEL : otherwise;
}

/**
 * The words before a reminder's date, by what the date is (Reminder.countsDownTo): the hard
 * deadline is "Due"; a competitive target is advice, never a deadline ("Aim to finish by"); the
 * applicant's own date is theirs ("Your date"). Emails and pages use these and only these.
 */
export const REMINDER_DATE_LABELS = {
  deadline: { label: "Due", inline: "due" },
  target: { label: "Aim to finish by", inline: "aim to finish by" },
  "own-date": { label: "Your date", inline: "on" },
} as const;

/**
 * A start-by rung (the latest safe start of a step not begun) says to start, then what the date is:
 * "Aim to finish by" alone read as a finishing reminder weeks early.
 */
export const START_BY_DATE_LABELS = {
  deadline: { label: "Start now, due", inline: "start now, due" },
  target: { label: "Start now to finish by", inline: "start now to finish by" },
  "own-date": { label: "Start now for your date", inline: "start now for your date" },
} as const;

/**
 * A book-by rung (an exam begun, not booked: the day to book it by) says to book, then the date it
 * counts down to: "Start now" would not fit a step already under way.
 */
export const BOOK_BY_DATE_LABELS = {
  deadline: { label: "Book your test date now, due", inline: "book your test date now, due" },
  target: { label: "Book your test date now, to sit by", inline: "book your test date now, to sit by" },
  "own-date": { label: "Book your test date now, for", inline: "book your test date now, for" },
} as const;

/** A retake's booking rungs (reapply-by, reapply-now): FSMB books no one before a new application. */
const [REAPPLY, REAPPLY_INLINE] = ["Reapply to FSMB now (then book)", "reapply to FSMB now (then book)"];
export const REAPPLY_DATE_LABELS = {
  deadline: { label: `${REAPPLY}, due`, inline: `${REAPPLY_INLINE}, due` },
  target: { label: `${REAPPLY}, to sit by`, inline: `${REAPPLY_INLINE}, to sit by` },
  "own-date": { label: `${REAPPLY}, for`, inline: `${REAPPLY_INLINE}, for` },
} as const;

/**
 * The rank list's ranking-opens rung: news that R3 takes lists, so its title names the opening, not
 * the certification its step counts down to ("Certify your rank order list: due …" read as the
 * deadline's reminder on the day ranking was only projected to open), and its date what to do by
 * then. It never goes before the opening, so its title says ranking is open, in the present (a
 * weekly summary days later read "Ranking opens in R3"): "Ranking is open in R3: certify your list
 * by Thu 25 Feb 2027" once the opening is confirmed; while projected, R3 may not be open yet, so
 * "should now be open", and the step's action says how late it may open (rankingOpensWords).
 */
export const RANKING_OPENS_RUNG = "ranking-opens";
export const RANKING_OPENS_TITLES = {
  confirmed: "Ranking is open in R3",
  projected: "Ranking should now be open in R3",
} as const;
const RANKING_OPENS_DATE_LABEL = { label: "Certify your list by", inline: "certify your list by" } as const;

/**
 * The date a reminder's displays print after its label: the missed date of an overdue step's chase,
 * else the date of the step a notice laid against a season date rides on (Reminder.stepDate), else
 * its deadline. The one rule every channel (email, timeline, calendar feed, CLI) reads.
 */
export function reminderShownDate(
  reminder: Pick<Reminder, "deadlineDetail" | "overdueSince"> & Partial<Pick<Reminder, "stepDate">>,
): Deadline {
  return reminder.overdueSince ?? reminder.stepDate ?? reminder.deadlineDetail;
}

export function reminderDateLabel(
  reminder: Pick<Reminder, "countsDownTo"> &
    Partial<Pick<Reminder, "milestone" | "rung" | "overdueSince" | "deadlineDetail" | "risk" | "title">> &
    MissedDateItem,
): { readonly label: string; readonly inline: string } {
  if (reminder.overdueSince !== undefined) return missedDateLabel(reminder);
  if (reminder.rung === "start-by") return START_BY_DATE_LABELS[reminder.countsDownTo ?? "deadline"];
  if (reminder.rung === RANKING_OPENS_RUNG) return RANKING_OPENS_DATE_LABEL;
  // The one "book now" reminder of an exam under way on a moved plan counts down the same way.
  if (reminder.rung === "book-by" || reminder.rung === "book-now")
    return BOOK_BY_DATE_LABELS[reminder.countsDownTo ?? "deadline"];
  if (reminder.rung === "reapply-by" || reminder.rung === "reapply-now")
    return REAPPLY_DATE_LABELS[reminder.countsDownTo ?? "deadline"];
  const question = questionReminderLabel(reminder);
  if (question !== undefined) return question;
  const dayLabel = actByDayLabel(reminder);
  if (dayLabel !== undefined) return dayLabel;
  // A failed exam's notice is due its retake's last sitting day (notice-act-by.ts): a day to sit by.
  if (reminder.risk === "SCORE_BELOW_PASSING") return SCORE_BELOW_PASSING_LABEL;
  if (reminder.risk === "PATHWAY_CERTIFICATE_MAY_EXPIRE")
    return certificateCheckLabel(reminder.deadlineDetail?.local);
  // A risk's notice on an NRMP event's card is due by its date, never "on" it: "On: by residency's
  // start" read as neither English nor a deadline.
  if (
    (reminder.countsDownTo ?? "deadline") === "deadline" &&
    reminder.milestone &&
    isNrmpEvent(reminder.milestone) &&
    reminder.risk === undefined
  )
    return datedBySoapEnd(reminder) ? SOAP_END_LABEL : NRMP_EVENT_LABEL;
  return REMINDER_DATE_LABELS[reminder.countsDownTo ?? "deadline"];
}

/**
 * The time a deadline leaves when less than a day is left: "in 7 hours", "in 1 hour 59 minutes",
 * "in 40 minutes", rounded down so it never promises more time than there is, with the minutes
 * under 2 hours so the words never halve the time left. Undefined with a day or
 * more left (the date says it) or once passed. Both instants ISO 8601. A rung keeps its name and
 * id (`due-in-1d` sent 7 hours before an 11:59 PM ET deadline from Lagos); the words
 * say what is true.
 */
export function timeLeftWords(deadline: string, at: string): string | undefined {
  const left = Date.parse(deadline) - Date.parse(at);
  if (!(left > 0 && left < DAY_MS)) return undefined;
  const hours = Math.floor(left / HOUR_MS);
  const minutes = Math.floor((left % HOUR_MS) / MINUTE_MS);
  const minuteWords = (count: number) => `${count} ${count === 1 ? "minute" : "minutes"}`;
  if (hours >= 2) return `in ${hours} hours`;
  // Under 2 hours the minutes are said too: "in 1 hour" with 1 h 59 min left halves the time.
  if (hours === 1) return minutes === 0 ? "in 1 hour" : `in 1 hour ${minuteWords(minutes)}`;
  return `in ${minuteWords(Math.max(1, minutes))}`;
}

/** A label's closing "by", dropped before the time left ("in 7 hours" already says when). */
const BY_END = / by$/;

/**
 * The words before a reminder's date in the email that sends it at `sentAt` (ISO): those of
 * reminderDateLabel, with the time left when a hard deadline is less than a day away ("Due in 7
 * hours", "due in 7 hours,"): a date alone ("Tue 1 Dec") reads as tomorrow when it is tonight. A
 * deadline that is a day (`precision: "day"`, a last sitting day) keeps its date alone.
 */
export function sentReminderLabel(
  reminder: Pick<Reminder, "countsDownTo" | "deadline"> &
    Partial<Pick<Reminder, "milestone" | "rung" | "deadlineDetail" | "overdueSince" | "stepDate" | "risk">> &
    MissedDateItem,
  sentAt: string,
): { label: string; inline: string } {
  const label = reminderDateLabel(reminder);
  // An overdue step's missed date (or one behind our plan) has no time left.
  if (reminder.overdueSince !== undefined) return label;
  // The time left is to the date shown (a notice's step date, not the season date it is laid against).
  const shown = reminder.stepDate ?? reminder.deadlineDetail;
  // A whole day (an exam's last sitting day) is not met in hours: its date alone.
  const left =
    reminder.countsDownTo === undefined && shown?.precision !== "day"
      ? timeLeftWords(shown?.at ?? reminder.deadline, sentAt)
      : undefined;
  // An NRMP event is not due: "In 1 hour: …" keeps the time left without the word.
  if (label === NRMP_EVENT_LABEL)
    return left === undefined ? label : { label: `I${left.slice(1)}`, inline: `${left},` };
  if (left === undefined) return label;
  // "Answer in 15 hours: …", "Act in 23 hours: …", never "Answer by in 15 hours" or "Act by in 23 hours".
  return {
    label: `${label.label.replace(BY_END, "")} ${left}`,
    inline: `${label.inline.replace(BY_END, "")} ${left},`,
  };
}

/**
 * The target a step shows beside its deadline (or in place of "no fixed deadline"), undefined when
 * none: only while it is ahead, and not once the applicant's own date (an exam day) has begun,
 * when a target reads as a nag. The applicant's timeline and the console's use this one rule, so
 * neither says "no fixed deadline" beside a target's reminders. Both instants ISO 8601.
 */
export function targetShown(target: Deadline | undefined, now: string, own?: Deadline): Deadline | undefined {
  if (target === undefined || Date.parse(target.at) <= Date.parse(now)) return undefined;
  if (own !== undefined && Date.parse(own.at) < Date.parse(now)) return undefined;
  return target;
}

/**
 * A next step's dates as one inline phrase for the emails, in the timeline's words
 * (the email showed only an early step's hard deadline, not the target that drives it):
 * the target first while it is ahead ("aim to finish by … , target, not a deadline"), then the
 * deadline ("due …", or "by …" when it stands alone), tagged by who sets it (dateTag); a deadline
 * already passed reads "overdue: it was due …" (overdueWords; "behind our plan since …" on a step behind
 * our plan, as its subject and card say); an early deadline passed names the late one; an exam sat with its result
 * pending says so first, as stepBadge's badge. Undefined when no date at all. `now`: epoch milliseconds.
 */
export function stepDatesInline(
  step: Pick<NextStep, "deadline" | "target" | "missedDeadline" | "matchYears" | "ownDate" | "urgency"> &
    Partial<Pick<NextStep, "milestone" | "title" | "behindPlan" | "actBy">>,
  now: number,
  risks: readonly Pick<Risk, "severity" | "code" | "milestones">[] = [],
): string | undefined {
  // An exam sat with no result recorded reads as the console's and the timeline's badge says
  // (stepBadge): "result pending" ("urgent: result pending" when a critical risk is about it), and
  // past its deadline "overdue: result pending": for an exam taken, what is missing is the result.
  const badge = stepBadge(step, new Date(now).toISOString(), risks);
  const { deadline, target, matchYears } = step;
  const targetAhead = target !== undefined && Date.parse(target.at) > now;
  const phrases: string[] = [];
  if (targetAhead)
    phrases.push(`${REMINDER_DATE_LABELS.target.inline} ${deadlineWords(target).local}, ${DATE_TAGS.target}`);
  if (step.missedDeadline)
    phrases.push(
      `${matchYears ? `deadline for the ${matchYears.missed} Match` : "early deadline"} ${deadlineWords(step.missedDeadline).local} passed`,
    );
  if (deadline) {
    const when = deadlineWords(deadline).local;
    const tag = dateTag(deadline);
    const tagged = tag === undefined ? "" : `, ${tag}`;
    const label = labelled(step, deadline);
    // The applicant's own date as the step's date (a booked visa interview) lasts its whole day.
    const ownDay = step.ownDate !== undefined && step.ownDate.at === deadline.at;
    if (badge === "behind-plan") phrases.push(behindPlanWords(step, when));
    else if (Date.parse(deadline.at) + (ownDay ? DAY_MS : 0) <= now)
      phrases.push(overdueWords(deadline, when, badge === "overdue-result-pending"));
    else if (matchYears) phrases.push(`for the ${matchYears.due} Match due ${when}${tagged}`);
    else if (step.missedDeadline) phrases.push(`late deadline ${when}${tagged}`);
    // A Match outcome question is answered by its date, SOAP running ends then, an NRMP event is on
    // it (stepDateLabel), and an interview starts: none is due. Residency's start already says "by".
    else if (label !== "") phrases.push(`${label} ${when}${tagged}`);
    else if (step.milestone === "interview") phrases.push(`starts ${when}${tagged}`);
    else phrases.push(`${phrases.length > 0 ? "due " : when.startsWith("by ") ? "" : "by "}${when}${tagged}`);
  }
  if (badge === "result-pending") phrases.unshift("result pending");
  if (badge === "urgent-result-pending") phrases.unshift("urgent: result pending");
  return phrases.length > 0 ? phrases.join("; ") : undefined;
}

/** stepDateLabel's inline words in stepDatesInline, "" where it words a plain due date itself. */
function labelled(step: { milestone?: StepSubject; title?: string }, deadline: Deadline): string {
  if (step.milestone === undefined) return "";
  return stepDateLabel({ milestone: step.milestone, title: step.title ?? "", deadline }, NO_LABEL).inline;
}
const NO_LABEL = { label: "", inline: "" } as const;

/** The heading of a risk's provenance (`Risk.sources`), on the timeline and in the emails. */
export const SOURCES_HEADING = "Where these dates come from";
