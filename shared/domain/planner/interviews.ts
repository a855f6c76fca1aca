import { BoundedMemo } from "../bounded-memo.ts";
import { stableHash } from "../hash.ts";
import type { Deadline, NextStep } from "../plan.ts";
import type { Interview } from "../snapshot.ts";
import { INTERVIEW_PREP_WHY, INTERVIEW_THANK_YOU_WHY } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { interviewStartDetail } from "./date-math.ts";
import { droppedInterviewWords } from "./dropped-interview-words.ts";
import { interviewShownTime } from "./interview-shown-time.ts";
import { interviewStart } from "./interview-start.ts";
import type { SlotEntry } from "./ladders.ts";
import { type DueStep, dueNextStep, INTERVIEW_ORDER } from "./ordering.ts";
import { keptRemindersFor, type ReminderTarget, type TimedReminder } from "./reminders.ts";
import { thankYouDue } from "./thank-you-due.ts";
import { datedUrgency, URGENCY_RANK } from "./urgency.ts";

/** The operator's id, or one derived from program and start instant so it survives re-planning. */
export function interviewIdOf(interview: Interview): string {
  if (interview.id !== undefined) return interview.id;
  // Snapshots are re-planned as the same objects; the fields are compared, so an edited one misses.
  const known = derivedIdByInterview.get(interview);
  if (known !== undefined && known.program === interview.program && known.startsAt === interview.startsAt)
    return known.id;
  const id = derivedId(interview);
  derivedIdByInterview.set(interview, { program: interview.program, startsAt: interview.startsAt, id });
  return id;
}

const derivedIdByInterview = new WeakMap<Interview, { program: string; startsAt: string; id: string }>();

function derivedId(interview: Interview): string {
  const key = `${interview.program}|${interviewStart(interview)}`;
  const cached = derivedIdCache.get(key);
  if (cached !== undefined) return cached;
  return derivedIdCache.keep(key, `iv-${stableHash(key)}`);
}

const derivedIdCache = new BoundedMemo<string, string>(50_000);

/** Everything about an interview's steps that does not depend on `now`, rendered in one zone. */
interface RenderedInterview {
  zone: string;
  program: string;
  startsAt: string;
  timezone: string;
  format: Interview["format"];
  id: string | undefined;
  interviewId: string;
  start: number;
  thankYouBy: number;
  prepTitle: string;
  thanksTitle: string;
  prepAction: string;
  thanksAction: string;
  prepDeadline: Deadline;
  thanksDeadline: Deadline;
  /**
   * The two ladders' targets, which depend only on the interview and the zone: shared by plans,
   * never changed; not frozen, so they keep the hidden class of the other targets ladderOf meets.
   */
  prepReminders: ReminderTarget;
  thanksReminders: ReminderTarget;
  /** The ladders last laid for those targets (keptRemindersFor), so the next plan need not look them up. */
  prepLadder: SlotEntry | undefined;
  thanksLadder: SlotEntry | undefined;
  /**
   * The two steps, keyed for ordering, by urgency rank (URGENCY_RANK), made on first use: a step
   * reads `now` only through its urgency, so plans share these, frozen.
   */
  prepSteps: (DueStep<NextStep> | undefined)[];
  thanksSteps: (DueStep<NextStep> | undefined)[];
  /** The start as the preparation step shows it, for a written-off Match's step (dropped-interview-words.ts). */
  shownTime: string;
  /** That step per urgency rank, for the Match `droppedYear`, made on first use like prepSteps. */
  droppedSteps: (DueStep<NextStep> | undefined)[];
  droppedYear: number;
}

/** The step of an interview for the written-off Match `year`: no preparation words. */
function droppedInterviewStep(
  rendered: RenderedInterview,
  year: number,
  urgency: NextStep["urgency"],
): DueStep<NextStep> {
  if (rendered.droppedYear !== year) {
    rendered.droppedSteps = [undefined, undefined, undefined, undefined];
    rendered.droppedYear = year;
  }
  const rank = URGENCY_RANK[urgency];
  const known = rendered.droppedSteps[rank];
  if (known !== undefined) return known;
  const format = rendered.format === "virtual" ? "virtual" : "in-person";
  const words = droppedInterviewWords(rendered.program, format, rendered.shownTime, year);
  const step: NextStep = Object.freeze({
    milestone: "interview",
    interviewId: rendered.interviewId,
    ...words,
    dueBy: rendered.prepDeadline.at,
    deadline: rendered.prepDeadline,
    urgency,
  });
  const keyed = dueNextStep(step, urgency, rendered.start, INTERVIEW_ORDER, rendered.interviewId);
  rendered.droppedSteps[rank] = keyed;
  return keyed;
}

/** The interview's step at this urgency, shared by the plans that rank it so (see RenderedInterview). */
function interviewStep(
  rendered: RenderedInterview,
  thanks: boolean,
  urgency: NextStep["urgency"],
): DueStep<NextStep> {
  const steps = thanks ? rendered.thanksSteps : rendered.prepSteps;
  const rank = URGENCY_RANK[urgency];
  const known = steps[rank];
  if (known !== undefined) return known;
  const deadline = thanks ? rendered.thanksDeadline : rendered.prepDeadline;
  const step: NextStep = Object.freeze({
    milestone: "interview",
    interviewId: rendered.interviewId,
    title: thanks ? rendered.thanksTitle : rendered.prepTitle,
    why: thanks ? INTERVIEW_THANK_YOU_WHY : INTERVIEW_PREP_WHY,
    action: thanks ? rendered.thanksAction : rendered.prepAction,
    dueBy: deadline.at,
    deadline,
    urgency,
  });
  const due = thanks ? rendered.thankYouBy : rendered.start;
  // Inside the planner only (ordering reads it): not frozen, so it keeps the other steps' records' hidden class.
  const keyed = dueNextStep(step, urgency, due, INTERVIEW_ORDER, rendered.interviewId);
  steps[rank] = keyed;
  return keyed;
}

const renderedInterviews = new WeakMap<Interview, RenderedInterview>();
// Equal lists are found whole (knownInterviews); by content, an interview of a changed list or another applicant's.
const renderedByContent = new BoundedMemo<string, RenderedInterview>(4_000);

function renders(
  known: RenderedInterview | undefined,
  zone: string,
  interview: Interview,
): known is RenderedInterview {
  return (
    known !== undefined &&
    known.zone === zone &&
    known.program === interview.program &&
    known.startsAt === interview.startsAt &&
    known.timezone === interview.timezone &&
    known.format === interview.format &&
    known.id === interview.id
  );
}

/**
 * The interview's titles, texts and deadlines in the applicant's zone, kept per snapshot object and
 * by content, re-made when the zone or any field differs; the deadlines frozen as plans share them.
 */
function renderedInterview(context: PlanContext, interview: Interview): RenderedInterview {
  const known = renderedInterviews.get(interview);
  if (renders(known, context.zone, interview)) return known;
  const contentKey = `${context.zone}\u0000${interview.program}\u0000${interview.startsAt}\u0000${interview.timezone}\u0000${interview.format}\u0000${interview.id ?? "\u0001"}`;
  const decodedAgain = renderedByContent.get(contentKey);
  if (renders(decodedAgain, context.zone, interview)) {
    renderedInterviews.set(interview, decodedAgain);
    return decodedAgain;
  }
  const interviewId = interviewIdOf(interview);
  const start = interviewStart(interview);
  // A day in her zone, never an instant from the program's clock (thank-you-due.ts).
  const { by: thankYouBy, deadline: thanksDeadline } = thankYouDue(context.zone, start);
  const shownTime = interviewShownTime(context.zone, interview, start);
  const format = interview.format === "virtual" ? "virtual" : "in-person";
  const prepTitle = `Prepare for your ${format} interview with ${interview.program}`;
  const thanksTitle = `Thank ${interview.program} for the interview`;
  const prepDeadline = Object.freeze(interviewStartDetail(context.zone, start));
  const rendered: RenderedInterview = {
    zone: context.zone,
    program: interview.program,
    startsAt: interview.startsAt,
    timezone: interview.timezone,
    format: interview.format,
    id: interview.id,
    interviewId,
    start,
    thankYouBy,
    prepTitle,
    thanksTitle,
    prepAction: `Interview starts ${shownTime}. Research the program and prepare your questions.`,
    thanksAction: `Your interview was ${shownTime}. Send a short thank-you note.`,
    prepDeadline,
    thanksDeadline,
    prepReminders: {
      milestone: "interview",
      interviewId,
      title: prepTitle,
      why: INTERVIEW_PREP_WHY,
      ladder: "interview-prep",
      deadline: start,
      deadlineDetail: prepDeadline,
      countsDownTo: undefined,
      startBy: null,
      notStarted: false,
    },
    thanksReminders: {
      milestone: "interview",
      interviewId,
      title: thanksTitle,
      why: INTERVIEW_THANK_YOU_WHY,
      ladder: "interview-thank-you",
      deadline: thankYouBy,
      deadlineDetail: thanksDeadline,
      countsDownTo: undefined,
      startBy: null,
      notStarted: false,
    },
    prepLadder: undefined,
    thanksLadder: undefined,
    prepSteps: [undefined, undefined, undefined, undefined],
    thanksSteps: [undefined, undefined, undefined, undefined],
    shownTime,
    droppedSteps: [undefined, undefined, undefined, undefined],
    droppedYear: 0,
  };
  renderedInterviews.set(interview, rendered);
  return renderedByContent.keep(contentKey, rendered);
}

/**
 * Each upcoming interview gets a preparation step; from its start until the thank-you deadline it
 * gets a thank-you step, its time in both zones (interviewShownTime); thank-you reminders are laid out
 * in advance (a wake-up after the interview finds them). Appends to the plan's steps (DueStep) and reminders.
 *
 * `droppedUntil`: once the plan has moved to a later Match (the target is out of reach), the
 * target Match's rank order list deadline; an interview starting by then is that dropped Match's
 * (interviews for a Match come before its ranking closes) and gets no reminders, as its ERAS, NRMP
 * and rank-list notices get none; the step stays listed, since the interview is still on the
 * applicant's calendar, in words that prepare nothing and say the Match is out of reach
 * (dropped-interview-words.ts). Null while the target is in reach.
 */
export function planInterviews(
  context: PlanContext,
  steps: DueStep<NextStep>[],
  reminders: TimedReminder[],
  droppedUntil: number | null,
): void {
  // Two entries with one identity (operator id, else program and instant) are one interview, as
  // the store keys them: planned once, so reminder ids stay unique (intake refuses such a pair;
  // another input may hold one). A plain array: at most MAX_INTERVIEWS (33); a Set cost more.
  const planned: string[] = [];
  // Indexed: for-of made an iterator result per interview and plan (planner bench's heap profile).
  const interviews = context.interviews;
  for (let at = 0; at < interviews.length; at++) {
    const interview = interviews[at] as Interview;
    // The rendering carries the interview's id (interviewIdOf), so one lookup serves both.
    const rendered = renderedInterview(context, interview);
    const { interviewId, start, thankYouBy } = rendered;
    if (planned.includes(interviewId)) continue;
    planned.push(interviewId);
    // A past interview past its thank-you window needs nothing.
    if (start <= context.now && context.now > thankYouBy) continue;
    const remind = droppedUntil === null || start > droppedUntil;
    if (start > context.now) {
      const urgency = datedUrgency(context.now, start);
      // The written-off Match's own interview, in its season (from the day programs may review
      // ERAS applications, season data): its words say so; one before it is no Match's.
      const reviewing = context.calendar.dates.eras_programs_may_review_applications_and_mspe.at;
      steps.push(
        remind || start < reviewing
          ? interviewStep(rendered, false, urgency)
          : droppedInterviewStep(rendered, context.calendar.matchYear, urgency),
      );
      if (remind)
        rendered.prepLadder = keptRemindersFor(
          context,
          rendered.prepReminders,
          rendered.prepLadder,
          reminders,
        );
    } else if (context.now <= thankYouBy) {
      steps.push(interviewStep(rendered, true, datedUrgency(context.now, thankYouBy)));
    }
    if (remind && context.now <= thankYouBy) {
      rendered.thanksLadder = keptRemindersFor(
        context,
        rendered.thanksReminders,
        rendered.thanksLadder,
        reminders,
        start,
      );
    }
  }
}
