import { EARLIEST_ZONE, futureDoneProblems } from "../done-date.ts";
import type { FieldProblem } from "../field-problems.ts";
import { farGraduationProblems } from "../graduation-ahead.ts";
import type { outcomeBeforeWindowProblems } from "../planner/outcome-before-window.ts";
import type { scoreStatusProblems } from "../planner/scheduled-score.ts";
import type { Applicant, MilestoneEntry, MilestoneUpdate } from "../snapshot.ts";
import { localDate } from "../time.ts";
import type { notWaivableProblems } from "./waivable-steps.ts";

/**
 * What the intake refuses in a submission that parses, beyond its schema, and so what `npm run plan`
 * refuses in a snapshot: one list of rules, in one order, with one "today", so the CLI never plans a
 * snapshot the intake would refuse (a step done after today read as passed). Each refusal says what is
 * wrong and names every field (`milestones.N.date`, `.status`, `.score`).
 */
export interface SubmissionRefusal {
  message: string;
  problems: FieldProblem[];
}

/**
 * The rules that read the milestone catalog or the seasons. The intake loads them only for a
 * submission that needs them (refusalRulesNeeded), since its cold start never parses the catalog
 * (test/infra/bundle-clients.test.ts); the CLI passes them all.
 */
export interface RefusalRules {
  scoreStatusProblems: typeof scoreStatusProblems;
  outcomeBeforeWindowProblems: typeof outcomeBeforeWindowProblems;
  notWaivableProblems: typeof notWaivableProblems;
}

export type Needs = Record<keyof RefusalRules, boolean>;

/**
 * What the refusal rules read of a submission: a parsed Submission, or, for one its schema refused,
 * the parts that parse on their own (parsable-parts.ts), a snapshot's applicant fields each absent
 * when it did not parse, so one answer names the rules' fields beside the schema's.
 */
export type RefusalInput =
  | {
      type: "applicant.snapshot";
      milestones: readonly MilestoneEntry[];
      applicant: Partial<Pick<Applicant, "timezone" | "graduation" | "matchYear">>;
    }
  | { type: "milestone.update"; milestones: readonly MilestoneEntry[] };

const OUTCOMES: ReadonlySet<MilestoneEntry["key"]> = new Set(["soap", "match_week", "match_day"]);

/**
 * Which rules `submission` needs: a rule is read only when some milestone could break it, so the
 * intake loads (lazily, in its use case) only those. Pure.
 */
export function refusalRulesNeeded(submission: RefusalInput): Needs {
  const milestones = submission.milestones;
  return {
    // A score on an exam not yet done: a pass reported early, or a booked retake.
    scoreStatusProblems: milestones.some((entry) => entry.status !== "done" && entry.score !== undefined),
    // A snapshot only: an update names no Match year.
    outcomeBeforeWindowProblems:
      submission.type === "applicant.snapshot" &&
      milestones.some(
        (entry) => entry.status === "done" && entry.date !== undefined && OUTCOMES.has(entry.key),
      ),
    notWaivableProblems: milestones.some((entry) => entry.status === "waived"),
  };
}

/**
 * Every refusal of `submission` at `now`, in the intake's order (the intake answers with the first):
 * a step done in the future, as Mark done refuses it (done-date.ts): a snapshot in its own zone,
 * an update, which names no zone, against the earliest one before the store is read (a date after
 * today everywhere), then by the store against the applicant's stored zone (storedZoneRefusal); a
 * graduation more than GRADUATION_YEARS_AHEAD years ahead (a typo); a passing score on an exam not yet done, or a
 * failing score in progress dated after today (a booked retake, whose date the plan would drop);
 * a SOAP done or a Match outcome dated before NRMP's hour for the snapshot's Match (SOAP's first
 * offer round, Match Week's notification), as Done refuses it; a waiver of a step an applicant may
 * not skip. `rules` holds at least the rules the submission needs (refusalRulesNeeded). Pure.
 */
export function submissionRefusals(
  submission: RefusalInput,
  now: Date,
  rules: Partial<RefusalRules>,
): SubmissionRefusal[] {
  const need = refusalRulesNeeded(submission);
  const rule = <K extends keyof RefusalRules>(key: K): RefusalRules[K] => {
    const found = rules[key];
    if (found === undefined) throw new Error(`submissionRefusals needs the ${key} rule`);
    return found;
  };
  const snapshot = submission.type === "applicant.snapshot" ? submission.applicant : undefined;
  // A field that did not parse (RefusalInput) leaves the rules reading it unapplied; a zone that did
  // not parse is the earliest, as an update's: only a date after today everywhere is refused.
  const zone = snapshot?.timezone;
  const { graduation, matchYear } = snapshot ?? {};
  const refusals: SubmissionRefusal[] = [
    futureDoneRefusal(submission.milestones, zone, now),
    {
      message: "The submission gives a graduation too far ahead",
      problems:
        graduation === undefined || zone === undefined
          ? []
          : farGraduationProblems({ graduation, timezone: zone }, now),
    },
    {
      message: "The submission reports a score its exam's status does not fit",
      problems: need.scoreStatusProblems
        ? rule("scoreStatusProblems")(submission.milestones, localDate(EARLIEST_ZONE, now.getTime()))
        : [],
    },
    {
      message: "The submission dates a Match outcome before NRMP gives it",
      problems:
        need.outcomeBeforeWindowProblems && matchYear !== undefined && zone !== undefined
          ? rule("outcomeBeforeWindowProblems")(submission.milestones, matchYear, zone)
          : [],
    },
    {
      message: "The submission waives a step an applicant may not skip",
      problems: need.notWaivableProblems ? rule("notWaivableProblems")(submission.milestones, zone) : [],
    },
  ];
  return refusals.filter((refusal) => refusal.problems.length > 0);
}

/**
 * Every refusal as one answer, so a sender fixes every field at once (RFC 9457 naming every wrong
 * field): the one refusal's message, or each one's after "The submission", joined; every problem.
 * undefined when nothing is refused. Pure.
 */
export function oneRefusal(refusals: readonly SubmissionRefusal[]): SubmissionRefusal | undefined {
  const [first] = refusals;
  if (first === undefined || refusals.length === 1) return first;
  const what = refusals.map((refusal) => refusal.message.replace(/^The submission /, ""));
  return {
    message: `The submission ${what.join("; ")}`,
    problems: refusals.flatMap((refusal) => refusal.problems),
  };
}

/**
 * A step done after today in the applicant's `zone` (done-date.ts), or, when it is not known (an
 * update, a zone that did not parse), after today in the earliest zone, naming every such
 * milestone's date. Pure.
 */
function futureDoneRefusal(
  milestones: readonly Pick<MilestoneEntry, "status" | "date">[],
  zone: string | undefined,
  now: Date,
): SubmissionRefusal {
  return {
    message: "The submission marks a step done in the future",
    problems: futureDoneProblems(milestones, zone ?? EARLIEST_ZONE, now, zone === undefined),
  };
}

/**
 * What an update is refused once its applicant is found: a step done after today in the applicant's
 * stored zone, which the update does not name (submissionRefusals held it only to the earliest zone,
 * so a done date of tomorrow in their zone, already today further east, passed). The store calls it
 * after reading the applicant (IntakeStore.applySubmission); undefined when nothing is refused. Pure.
 */
export function storedZoneRefusal(
  update: Pick<MilestoneUpdate, "milestones">,
  storedZone: string,
  now: Date,
): SubmissionRefusal | undefined {
  const refusal = futureDoneRefusal(update.milestones, storedZone, now);
  return refusal.problems.length > 0 ? refusal : undefined;
}
