import { catalogEntry } from "#domain/catalog/index.ts";
import { DATE_TAGS, dateBasis } from "#domain/date-basis.ts";
import { deadlineWords, reminderShownDate, yourTimeSuffix } from "#domain/date-words.ts";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import type { Deadline, NextStep, Plan, Reminder } from "#domain/plan.ts";
import { isAnswersQuestion } from "#domain/planner/critical-notice-id.ts";
import { isRiskNoticeRung, isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { atTheProgram, farInPersonQuestion, inPersonStart, isInterviewStart } from "#domain/program-time.ts";
import { itemDateLabel, kindOf, type ReminderKind } from "#domain/reminder-kind.ts";
import type { Interview, MilestoneKey } from "#domain/snapshot.ts";
import { answeredOn, asksBookedDate } from "#domain/waiting-step-actions.ts";
import { forPeople } from "./for-people.ts";
import { otherStepsNamed } from "./named-steps.ts";

/**
 * One reminder of a reminder email as both parts print it: its date with the words that fit what
 * the date is (a deadline, a target, the applicant's own date), why it matters and the next step.
 */
export interface Item {
  milestone: Reminder["milestone"];
  title: string;
  /** "Due", "Aim to finish by" or "Your date": what the date below is (see reminderDateLabel). */
  dateLabel: string;
  inlineLabel: string;
  dueLocal: string;
  /**
   * The date's second zone: US Eastern (the authorities' zone) for a deadline; for an interview,
   * the program's own zone, "… CDT (at the program)" (an ET time beside
   * both was neither the applicant's nor the program's); "" when it has none.
   */
  dueEt: string;
  /** What the item is about: an interview's preparation or thank-you, or a step's date. */
  kind: ReminderKind;
  /** " (your time)" after an instant, "" after a day (date-words.ts yourTimeSuffix); an in-person start's " (at the program)". */
  yourTime: string;
  /** An in-person interview's start, the program's time first, as its subject names it (inPersonStart). */
  atProgramFirst?: string;
  /** The item's date is a projected deadline (a target or the applicant's own date never is). */
  projected: boolean;
  /** The item's date is a deadline no authority sets, our advice (dateBasis; a target never is: it says so). */
  advice: boolean;
  /** The later dates of the reminders the item stands for, on its date line (withOtherDates). */
  laterDates?: string;
  /** Beside a target or an own date: the step's real deadline, or that it has none. */
  deadlineNote?: string;
  deadlineNoteProjected: boolean;
  why: string;
  /** The step's action; an email shows it and `why` once each (whyAndNext). */
  action?: string;
  /**
   * The instants (ISO UTC) the item's dates name: its own date and, beside a target or an own date,
   * the step's deadline its note names.
   */
  datesSaid: readonly string[];
  /**
   * On an interview's reminder: that the interview comes attached as a calendar file (the reminder
   * function attaches one .ics per interview an email is about), so a phone that lists attachments
   * below a long email still shows where it is.
   */
  attachmentNote?: string;
  /**
   * The title of the step the item's next step and buttons act on, when the item itself is about
   * something else: a critical risk's notice ("The 2027 Match is out of reach…") rides on the first
   * step the risk names (a bare "Done" under it read as "done with the risk").
   */
  actsOn?: string;
  /**
   * A notice riding on no step the applicant acts on (a school with no sponsor note once its WDOMS
   * look-up is done: the plan files it under the budget, which is never a next step): it has no
   * date ("due" the rank-list deadline read as a deadline the applicant cannot meet), no next step
   * and no button.
   */
  undated?: true;
  /** The item counts down to the applicant's own date (the exam day they booked). */
  ownDate?: true;
  /**
   * The question whether a step answered not done is done (the notice of answers that disagree,
   * isAnswersQuestion): its one button is that step's Done, labelled with the step (actsOn).
   */
  asksDone?: true;
  /** A waiting step whose action answers the item's question (answeredOn): its buttons are that step's. */
  answeredOn?: MilestoneKey;
  /** Other steps the notice's risk names and asks to be told of (otherStepsNamed): their Done is offered too. */
  alsoNamed?: readonly MilestoneKey[];
  /** The item asks for the day the step was booked (asksBookedDate): Scheduled for… answers it, not Done. */
  asksDate?: true;
  /** What the step's dates rest on (NextStep.sources), shown under the item as a risk's are. */
  sources?: readonly string[];
  /**
   * The notices whose words the item says after "Also:" (Reminder.folded), their titles and words for
   * people: "Risks to watch" names such a risk by its title, not in full a second time (risksBelow).
   */
  carried?: readonly { title: string; why: string }[];
}

function stepFor(plan: Plan, reminder: Reminder): NextStep | undefined {
  return plan.nextSteps.find(
    (step) => step.milestone === reminder.milestone && step.interviewId === reminder.interviewId,
  );
}

/** Whether a date is an authority's date Matchpath projected (dateBasis), not advice counted from one. */
export function isProjected(deadline: Deadline | undefined): boolean {
  return deadline !== undefined && dateBasis(deadline) === "projected";
}

/** Whether no authority sets a date: Matchpath's advice (dateBasis). */
export function isAdvice(deadline: Deadline | undefined): boolean {
  return deadline !== undefined && dateBasis(deadline) === "advice";
}

/**
 * A target is advice and an own date is the applicant's: neither is the authority's deadline, so
 * the item says so and names the deadline (the tester read "Due … (projected date)" on a target
 * as a second, contradicting deadline). Beside the applicant's own date, a deadline of the later
 * Match the plan is dated for names that Match (a 2027 OET sitting beside
 * "The deadline is Tue 4 Jan 2028").
 */
function deadlineNoteOf(reminder: Reminder, step: NextStep | undefined, plan: Plan): string | undefined {
  // Behind our plan with the last day to keep the start ahead: that day is the one to act by.
  if (reminder.behindPlan === true && reminder.actBy !== undefined)
    return `To keep your program's start date, act by ${deadlineWords(reminder.actBy).local}${yourTimeSuffix(reminder.actBy)}, the last day this plan allows for it (${DATE_TAGS.advice}).`;
  if (reminder.countsDownTo === undefined) return undefined;
  const deadline = step?.deadline;
  // An exam day or a consular interview is an appointment to keep: the day the applicant booked.
  const appointment = reminder.countsDownTo === "own-date" && isAppointment(reminder.milestone);
  const intro =
    reminder.countsDownTo === "target"
      ? reminder.milestone === "contract"
        ? CONTRACT_TARGET_NOTE
        : "A target Matchpath suggests so your application is competitive, not a deadline."
      : appointment
        ? APPOINTMENT_NOTE
        : "The date you gave us.";
  if (!deadline) return `${intro} No authority sets a deadline for this step.`;
  // The step's one date is that appointment (a booked visa interview): never "The deadline is" that day.
  if (appointment && dateBasis(deadline) === "applicant") return intro;
  const words = deadlineWords(deadline);
  const later = reminder.countsDownTo === "own-date" ? laterPlannedMatchYear(plan) : undefined;
  const theDeadline =
    later === undefined
      ? "The deadline is"
      : `The deadline for the ${later} Match, the one your plan is now dated for, is`;
  return `${intro} ${theDeadline} ${words.local}${yourTimeSuffix(deadline)}${isProjected(deadline) ? ", a projected date" : isAdvice(deadline) ? `, ${DATE_TAGS.advice}` : ""}.`;
}

/**
 * The contract's target is our allowance after the Match (two weeks after Match Day, catalog), not a
 * competitive date: its deadline is the day the visa step waiting on it needs it (contractDueNow).
 */
const CONTRACT_TARGET_NOTE =
  "Two weeks after Match Day: the date Matchpath suggests, not a deadline, since programs set their own signing window.";

/** The date block's words beside an appointment's day (isAppointment): the day booked, not a deadline. */
const APPOINTMENT_NOTE = "The day you booked: an appointment to keep, not a deadline.";

/**
 * Whether a step's own date is an appointment (catalog `stepActions` with "schedule": the USMLE and
 * OET sittings and the consular visa interviews), never a day the applicant set to meet.
 */
function isAppointment(milestone: Reminder["milestone"]): boolean {
  return (
    milestone !== "budget" &&
    milestone !== "interview" &&
    catalogEntry(milestone).stepActions.includes("schedule")
  );
}

/**
 * An event added from this file changes only when another file says so:
 * Matchpath emails a cancelling file when the interview is cancelled, and the next email about a
 * moved interview carries the file with the new time. Calendar apps differ in applying those on
 * their own (README, "The calendar": "Interview calendar files"), so the note says what to do when
 * one does not.
 */
const INTERVIEW_ATTACHED =
  "This interview is attached to this email as a calendar file (.ics): open it to add the interview to your calendar. If the interview is cancelled, we email you a file that cancels it; if it moves, our next email about it carries the new time. Open those files too, and if your calendar still shows the old event, delete or change it yourself (the Matchpath calendar feed, if you subscribed to it, updates on its own).";
/** The cancelling file's note (METHOD:CANCEL, attached by the reminder function). */
const CANCELLATION_ATTACHED =
  "A calendar file (.ics) that cancels this interview is attached to this email. If you added the interview to your calendar from our earlier email, open this file to remove it (some calendar apps do so on their own); if your calendar still shows the interview, delete it yourself. The Matchpath calendar feed, if you subscribed to it, has dropped it already.";
/** After the interview (the thank-you reminder): the file is still attached, but adding it is moot. */
const PAST_INTERVIEW_ATTACHED =
  "The calendar file (.ics) of this interview is attached to this email, for your records.";

/** The attachment note of an interview's reminder: the thank-you rung (reminder-ladders.json) comes after it. */
function attachmentNoteOf(reminder: Reminder): string | undefined {
  if (reminder.interviewId === undefined) return undefined;
  const kind = kindOf(reminder);
  if (kind === "interview-cancelled") return CANCELLATION_ATTACHED;
  return kind === "interview-thank-you" ? PAST_INTERVIEW_ATTACHED : INTERVIEW_ATTACHED;
}
/**
 * One reminder as an email item. `weekly`: the email is a weekly summary gathering reminders due on
 * later days, so no item says how many hours its deadline leaves (see sentReminderLabel).
 * `interviews`: the applicant's, whose program's zone is an interview reminder's second zone.
 */
export function itemOf(
  plan: Plan,
  reminder: Reminder,
  weekly = false,
  interviews?: readonly Interview[],
  zone?: string,
): Item {
  const undated = isUndatedNotice(reminder);
  // An undated notice on a step (the WDOMS check) keeps that step's action; on the budget, none.
  const step = undated && reminder.milestone === "budget" ? undefined : stepFor(plan, reminder);
  const action = step?.action;
  const label = undated ? { label: "Notice", inline: "notice" } : itemDateLabel(plan, reminder, weekly, zone);
  const kind = kindOf(reminder);
  // A notice with no date names none: not the target or deadline of the step it rides on.
  const deadlineNote = undated ? undefined : deadlineNoteOf(reminder, step, plan);
  const attachmentNote = attachmentNoteOf(reminder);
  const notice = isRiskNoticeRung(reminder.rung);
  const answered = answeredOn(reminder);
  const alsoNamed = notice ? otherStepsNamed(plan, reminder) : undefined;
  // An overdue step's chase shows the date it missed, with its basis.
  const shown = reminderShownDate(reminder);
  // An in-person interview's start leads with the program's time, hers second (inPersonStart).
  const inPerson =
    kind !== "deadline" && zone !== undefined && isInterviewStart(reminder.deadlineDetail)
      ? inPersonStart(reminder.interviewId, reminder.deadlineDetail.at, interviews, zone)
      : undefined;
  const far =
    inPerson === undefined
      ? ""
      : farInPersonQuestion(inPerson.interview, zone as string, Date.parse(shown.at), Date.parse(plan.now));
  return {
    milestone: reminder.milestone,
    title: reminder.title,
    dateLabel: label.label,
    inlineLabel: label.inline,
    dueLocal: inPerson?.program ?? deadlineWords(shown).local,
    dueEt:
      inPerson !== undefined
        ? `${inPerson.yours} (your time)`
        : kind === "deadline"
          ? (deadlineWords(shown).et ?? "")
          : // A thank-you note's day is hers (a day); an interview's start is at the program,
            // also where a reminder stored before precision was recorded carries none.
            reminder.deadlineDetail.precision !== "day"
            ? (atTheProgram(reminder.interviewId, reminder.deadlineDetail.at, interviews) ?? "")
            : "",
    kind,
    yourTime: inPerson === undefined ? yourTimeSuffix(shown) : " (at the program)",
    ...(inPerson === undefined ? {} : { atProgramFirst: `${inPerson.program} (at the program)` }),
    projected: !undated && reminder.countsDownTo === undefined && isProjected(shown),
    advice: !undated && reminder.countsDownTo === undefined && isAdvice(shown),
    ...(deadlineNote ? { deadlineNote } : {}),
    deadlineNoteProjected: deadlineNote !== undefined && isProjected(step?.deadline),
    ...(attachmentNote ? { attachmentNote } : {}),
    why: far === "" ? forPeople(reminder.why) : `${far} ${forPeople(reminder.why)}`,
    ...(action ? { action: forPeople(action) } : {}),
    datesSaid: [shown.at, ...(deadlineNote && step?.deadline ? [step.deadline.at] : [])],
    ...(notice && step ? { actsOn: step.title } : {}),
    ...(isAnswersQuestion(reminder) && reminder.milestone !== "budget" && reminder.milestone !== "interview"
      ? { asksDone: true as const, actsOn: catalogEntry(reminder.milestone).title }
      : {}),
    ...(undated ? { undated: true as const, dueLocal: "", dueEt: "", yourTime: "", datesSaid: [] } : {}),
    ...(reminder.countsDownTo === "own-date" ? { ownDate: true as const } : {}),
    ...(answered === undefined ? {} : { answeredOn: answered }),
    ...(alsoNamed === undefined ? {} : { alsoNamed }),
    ...(asksBookedDate(reminder) ? { asksDate: true as const } : {}),
    ...(step?.sources === undefined ? {} : { sources: step.sources }),
    ...(reminder.folded === undefined
      ? {}
      : { carried: reminder.folded.map(({ title, why }) => ({ title, why: forPeople(why) })) }),
  };
}

/** Whether the email needs its note on projected dates. */
export function anyProjected(items: readonly Item[]): boolean {
  return items.some((item) => item.projected || item.deadlineNoteProjected);
}
