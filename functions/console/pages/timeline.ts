import { doneCountsFor, seasonPassedFor } from "#domain/applicant-choices.ts";
import { stepForAdvisor, waitingForAdvisor, whyForAdvisor } from "#domain/console/advisor-voice.ts";
import { markDoneNotYet, notYetForAdvisor } from "#domain/console/mark-done.ts";
import { blockedForAdvisor, overdueForAdvisor, stepStanding } from "#domain/console/overdue.ts";
import { DATE_TAGS } from "#domain/date-basis.ts";
import { REMINDER_DATE_LABELS, stepDateLabel, targetShown } from "#domain/date-words.ts";
import { bookedDayAhead } from "#domain/exam-booking.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { missedDateLabel } from "#domain/missed-date-label.ts";
import type { Deadline, NextStep, StepSubject } from "#domain/plan.ts";
import { pastSeasonWork } from "#domain/planner/past-season.ts";
import { isInterviewStart } from "#domain/program-time.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { DATE_YEARS } from "#domain/snapshot-keys.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import { DAY_MS } from "#domain/time.ts";
import { forPeople } from "#email/for-people.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { deadlineWhen, h, ownDay, stepDeadlineWhen, titleOf } from "./html.ts";

/** What a blocked step waits for, HTML-escaped (waitingForAdvisor: a condition quoted as `fullName` reads it). */
function waitedFor(waitingFor: readonly string[], fullName: string): string {
  return h(waitingForAdvisor(waitingFor, fullName, "waiting for"));
}

/**
 * The applicant page's Timeline card: Next, Blocked, Overdue, Done.
 *
 * Each step appears once. A re-applicant's step done for an earlier Match (the planner's
 * pastSeasonWork: last season's ERAS work after a Match-year switch) is not done for this one: it is
 * shown where the plan has it (next or blocked), with the earlier date beside it, and under Done
 * only when the plan does not list it again. Once the target Match is over (the SEASON_OVER risk),
 * its missed steps are under Overdue only, not at the head of Next; the season-bound ones offer no
 * action (seasonPassedFor), as on the applicant's own page.
 */
export function timelineCard(view: ApplicantView, today: string): string {
  const { state, plan } = view;
  const profile = state.profile;
  const id = h(profile.applicantId);
  const entries = new Map<MilestoneKey, MilestoneEntry>(state.milestones.map((entry) => [entry.key, entry]));
  // The Match a Done counts for (doneCountsFor): a plan moved to a later Match plans its steps as
  // if that Match were entered (planner/later-match.ts), so "earlier" is before that Match's season.
  const countsFor = doneCountsFor(plan);
  const earlier = pastSeasonWork(entries, seasonCalendar(countsFor), Date.parse(plan.now));
  const earlierNote = (milestone: StepSubject): string => {
    if (milestone === "interview" || !earlier.has(milestone)) return "";
    const entry = entries.get(milestone);
    return `<br><span class="muted">${h(entry?.status ?? "done")}${entry?.date ? ` ${h(entry.date)}` : ""} for an earlier Match; to do again for the ${countsFor} Match</span>`;
  };
  const listed = new Set<StepSubject>(
    [...plan.nextSteps, ...plan.blocked, ...plan.overdue].map((step) => step.milestone),
  );
  const seasonOver = plan.risks.some((risk) => risk.code === "SEASON_OVER");
  const overdueKeys = new Set(plan.overdue.map((step) => `${step.milestone}:${step.interviewId ?? ""}`));
  const isOverdue = (step: { milestone: StepSubject; interviewId?: string }) =>
    overdueKeys.has(`${step.milestone}:${step.interviewId ?? ""}`);
  // Each step in one place, overdue by the digest's rule (overdue.ts).
  const overdue = overdueForAdvisor(plan);
  const blocked = blockedForAdvisor(plan);
  // The steps as the applicant reads them on their timeline, in the email and the CLI: the budget is
  // its own section, never a step, and the order is the reading order, so
  // an exam on its day leads (listedInReadingOrder), as it does for the applicant.
  const listedNext = listedInReadingOrder(plan, profile.timezone);
  const next = seasonOver ? listedNext.filter((step) => !isOverdue(step)) : listedNext;
  // Mark done offers the applicant's today, which markDoneProblems refuses before a booked exam's
  // day (bookedDayAhead) and before the step's window opens for the Match (markDoneNotYet): offered
  // from then, as on the applicant's timeline.
  const markDone = (step: { milestone: StepSubject; title: string }) => {
    if (step.milestone === "interview" || seasonPassedFor(step, plan)) return "";
    const examDay = bookedDayAhead(step.milestone, entries.get(step.milestone), today);
    if (examDay !== undefined)
      return `<br><span class="muted">Mark done from its exam day, ${h(examDay)}; if the exam moved, save a what-if with the new date first</span>`;
    // Before the step's window opens for this Match the check refuses today too.
    const opens = markDoneNotYet(step.milestone, plan, today, profile.timezone);
    if (opens !== undefined) return `<br><span class="muted">${h(notYetForAdvisor(opens, countsFor))}</span>`;
    // A Done that records more says what (SOAP: an accepted offer).
    const records = DONE_RECORDS[step.milestone]?.advisor;
    const mark = records === undefined ? `${stepForAdvisor(step)} done` : records;
    // The day it was done: the applicant's today unless the advisor was told another (an exam sat on
    // 5 Apr), checked by markDoneProblems as the intake checks a date (none after today in their zone).
    const field = `done-on-${h(step.milestone)}`;
    return ` <form hx-post="/console/applicants/${id}/milestones/${h(step.milestone)}" hx-target="#main" hx-confirm="Mark ${h(mark)} for ${h(profile.fullName)}? It is recorded as yours."><label for="${field}">Done on</label> <input id="${field}" type="date" name="date" value="${h(today)}" min="${DATE_YEARS.earliest}-01-01" max="${h(today)}" required> <button type="submit">${records === undefined ? "Mark done" : h(`Mark ${records}`)}</button></form>`;
  };
  // The applicant's booked date beside the deadline, as their timeline's "Your exam: …".
  const ownNote = (step: { milestone: StepSubject; ownDate?: Deadline }): string => {
    if (step.ownDate === undefined) return "";
    const scheduled = step.milestone !== "interview" && entries.get(step.milestone)?.status === "scheduled";
    const passed = Date.parse(step.ownDate.at) + DAY_MS <= Date.parse(plan.now);
    return `<br>${scheduled ? (passed ? "was scheduled for" : "scheduled for") : passed ? "their date was" : "their date"} ${ownDay(step.ownDate)}`;
  };
  // An interview's in the applicant's zone and the program's, never ET (stepDeadlineWhen).
  const dueWhen = (step: { milestone: StepSubject; interviewId?: string }, deadline: Deadline) =>
    stepDeadlineWhen({ subject: step.milestone, interviewId: step.interviewId }, deadline, state.interviews);
  // An interview starts, as the applicant's timeline and emails say; its thank-you note is sent by a day.
  // SOAP ends, an NRMP event is on, a Match outcome question is answered by (stepDateLabel).
  // A date that has passed is never "due" it: a step the advisor is not told is overdue (Step 3
  // waiting on the program's answer) read "urgent due Fri 19 Mar 2027" two months on.
  const dueWord = (step: { milestone: StepSubject; title: string; behindPlan?: true }, deadline: Deadline) =>
    step.milestone !== "interview"
      ? passedDue(
          stepDateLabel({ ...step, deadline }, REMINDER_DATE_LABELS.deadline),
          deadline,
          plan.now,
          step,
        ).inline
      : isInterviewStart(deadline)
        ? "starts"
        : "send their note by";
  // The badge by the one overdue rule (overdue.ts), as the Overdue section and the cohort count it.
  const badge = (step: NextStep) => {
    const standing = stepStanding(plan, step);
    return `<span class="${standing.critical ? "critical" : "badge"}">${h(standing.label)}</span>`;
  };
  // A step dated for a later Match says so, with its passed deadline for the applicant's own Match.
  const forMatch = (step: NextStep) =>
    step.matchYears === undefined ? "" : `for the ${step.matchYears.due} Match, `;
  const missedFor = (step: NextStep) =>
    step.matchYears === undefined || step.missedDeadline === undefined
      ? ""
      : `<br>the ${step.matchYears.missed} Match's deadline, ${deadlineWhen(step.missedDeadline)}, has passed`;
  // The target ahead leads the step's dates, by the applicant's timeline's rule and words
  // (targetShown): "no fixed deadline" beside a target's reminders read as a contradiction.
  const targetFor = (step: NextStep) => {
    const target = targetShown(step.target, plan.now, step.ownDate);
    return target === undefined
      ? ""
      : `${REMINDER_DATE_LABELS.target.inline} ${deadlineWhen(target)} <span class="badge">${DATE_TAGS.target}</span>${step.deadline ? "; " : ""}`;
  };
  const nextItems = next.map(
    (step) =>
      `<li><strong>${h(stepForAdvisor(step))}</strong> ${badge(step)}<br>${targetFor(step)}${step.deadline ? `${forMatch(step)}${dueWord(step, step.deadline)} ${dueWhen(step, step.deadline)}${missedFor(step)}` : targetShown(step.target, plan.now, step.ownDate) ? "" : '<span class="muted">no fixed deadline</span>'}${ownNote(step)}${earlierNote(step.milestone)}<br><span class="muted">${h(whyForAdvisor(forPeople(step.why), profile.fullName))}</span>${markDone(step)}</li>`,
  );
  const done = state.milestones.filter(
    (entry) =>
      (entry.status === "done" || entry.status === "waived") &&
      !(earlier.has(entry.key) && listed.has(entry.key)),
  );
  return `<section class="card" aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
<h3>Next</h3>${seasonOver ? `<p class="notice">The ${profile.matchYear} Match is over for ${h(profile.fullName)} (see Risks): its missed steps are under Overdue; those due after its rank order list deadline (Match Day and after) are not counted, as in the digest. A what-if can switch the Match year.</p>` : ""}${nextItems.length === 0 ? "<p>Nothing to do next.</p>" : `<ol>${nextItems.join("")}</ol>`}
<h3>Blocked</h3>${blocked.length === 0 ? "<p>Nothing blocked.</p>" : `<ul>${blocked.map((step) => `<li>${h(stepForAdvisor(step))}: ${waitedFor(step.waitingFor, profile.fullName)}${ownNote(step)}${earlierNote(step.milestone)}</li>`).join("")}</ul>`}
<h3>Overdue</h3>${overdue.length === 0 ? "<p>Nothing overdue.</p>" : `<ul>${overdue.map((step) => `<li class="critical">${h(stepForAdvisor(step))}, ${step.earlyDeadline === undefined ? "due" : "late deadline"} ${dueWhen(step, step.deadline)}${ownNote(step)}${seasonOver && seasonPassedFor(step, plan) ? ` <span class="muted">(closed with the ${profile.matchYear} Match)</span>` : ""}</li>`).join("")}</ul>`}
<h3>Done</h3>${done.length === 0 ? "<p>Nothing yet.</p>" : `<ul>${done.map((entry) => `<li>${h(titleOf(entry.key))}: ${h(entry.status)}${entry.date ? ` ${h(entry.date)}` : ""}${earlier.has(entry.key) ? " for an earlier Match" : ""}</li>`).join("")}</ul>`}
</section>`;
}

/** A step's "due" label, read "overdue since" (or "behind our plan since": missedDateLabel) once its date has passed, as its emails say. */
function passedDue(
  label: { readonly label: string; readonly inline: string },
  deadline: Deadline,
  now: string,
  step: { behindPlan?: true },
): { readonly label: string; readonly inline: string } {
  return label === REMINDER_DATE_LABELS.deadline && Date.parse(deadline.at) < Date.parse(now)
    ? missedDateLabel(step)
    : label;
}
