import { missedDateLabel } from "#domain/missed-date-label.ts";
import type { BlockedStep, Deadline } from "#domain/plan.ts";
import { waitingDateLabel } from "#domain/waiting-step-date.ts";

/**
 * A BLOCKED row's two date cells, by the rule NEXT STEPS shows a target beside a deadline: the
 * target ("needed by … for <the step that needs it>", or the bare date), then the step's date. A
 * season date a step waits for still belongs on the calendar (Match Week, Match Day); a step after
 * Match Day past its planned date says since when, as the risk says it is past the date we plan for;
 * one whose planned date passed while whether the applicant matched is untold says "planned for" it,
 * as the timeline and the calendar feed do (waitingDateLabel), never a bare date read as ahead.
 * A sitting booked behind the school gate (`ownDate`, no deadline) shows its day as the applicant's.
 * `marked` renders a date with its basis mark.
 */
export function blockedDateCells(
  step: BlockedStep,
  marked: (date: Deadline) => string,
  now: string,
): [string, string] {
  const target =
    step.target === undefined
      ? "-"
      : step.targetFor === undefined
        ? marked(step.target)
        : `needed by ${marked(step.target)} for ${step.targetFor}`;
  const date =
    step.deadline !== undefined
      ? Date.parse(step.deadline.at) < Date.parse(now)
        ? `${waitingDateLabel(step.deadline, now).inline} ${marked(step.deadline)}`
        : marked(step.deadline)
      : step.overdueSince !== undefined
        ? `${missedDateLabel(step).inline} ${marked(step.overdueSince)}`
        : step.ownDate === undefined
          ? "-"
          : `your sitting ${marked(step.ownDate)}`;
  return [target, date];
}
