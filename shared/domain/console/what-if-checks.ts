import { doneCountsFor } from "../applicant-choices.ts";
import { basisMark } from "../date-basis.ts";
import { type FieldProblem, fieldProblems } from "../field-problems.ts";
import type { Plan } from "../plan.ts";
import { inInterviewSeason } from "../planner/interviewing.ts";
import type { PlannerInput } from "../planner.ts";
import { type SeasonCalendar, type SeasonDate, seasonCalendar } from "../seasons/index.ts";
import { SubmissionSchema } from "../snapshot.ts";
import { stepName } from "./advisor-voice.ts";
import { whatIfDoneProblems } from "./mark-done.ts";
import { waiverRefusal } from "./waivable-steps.ts";
import { applyWhatIf, sameRecord, type WhatIfChange, whatIfAsUpdate } from "./what-if.ts";

/** The save id the checks use for the update they validate (a real one is checked by its pattern). */
const CHECKED_SAVE_ID = "console-what-if-00000000-0000-0000-0000-000000000000";

/** The season date a Match's rank order list is certified by (NRMP); after it that Match is closed. */
function rankListDeadline(matchYear: number): SeasonDate {
  return seasonCalendar(matchYear).dates.nrmp_rol_certification_and_late_registration_deadline;
}

/**
 * The first Match year whose rank order list deadline (season data, confirmed or projected) is
 * still ahead at `now`: the earliest Match an applicant can still target. Pure.
 */
export function earliestOpenMatchYear(now: Date): number {
  let year = now.getUTCFullYear();
  while (rankListDeadline(year).at <= now.getTime()) year += 1;
  return year;
}

/**
 * Why saving these what-if changes would be refused (empty when it would not): the intake
 * contract's rules (SubmissionSchema, paths as in the saved milestone.update), a Match whose rank
 * order list deadline has passed (`<index>.matchYear`), an interview that starts before `now`
 * (`<index>.startsAt`), Mark done's check of each step marked done (`<index>.date`,
 * `<index>.milestone`), "waived" for a step the applicant may not skip, or the H-1B stamping from
 * a zone outside the US (`<index>.status`, waiverRefusal, the intake's rule), and changes that leave the record as it is (`changes`, sameRecord). The one check the preview shows and the save enforces. Pure.
 */
export function whatIfSaveProblems(
  input: PlannerInput,
  changes: readonly WhatIfChange[],
  now: Date,
): FieldProblem[] {
  const update = whatIfAsUpdate(changes, input.applicant.externalId, CHECKED_SAVE_ID);
  const contract = SubmissionSchema.safeParse(update);
  if (!contract.success) return fieldProblems(contract.error);
  const open = earliestOpenMatchYear(now);
  const closedMatch = changes.flatMap((change, index) =>
    change.kind === "matchYear" && change.matchYear < open
      ? [
          {
            path: `${index}.matchYear`,
            message: `must be ${open} or later: the ${change.matchYear} Match's rank order list deadline (${rankListDeadline(change.matchYear).date}) has passed`,
          },
        ]
      : [],
  );
  // Nothing to record (visa J-1 to J-1, an interview identical to a recorded one): saving would write
  // a submission and an audit row for nothing.
  // Worded after the advisor's "The change:", naming each field as the record has it
  // ("The change: change nothing in the applicant's record" named none).
  const kept = recordedFields(input, changes);
  const nothing = sameRecord(applyWhatIf(input, changes), input)
    ? [
        {
          path: "changes",
          message: `leaves ${kept.join(" and ")} as the applicant's record has ${kept.length === 1 ? "it" : "them"}: there is nothing to save`,
        },
      ]
    : [];
  // An interview already over plans nothing ahead: refused, naming its start.
  const past = changes.flatMap((change, index) =>
    change.kind === "interview" && Date.parse(change.startsAt) <= now.getTime()
      ? [
          {
            path: `${index}.startsAt`,
            message: `must be after now (${now.toISOString().slice(0, 16).replace("T", " ")} UTC): an interview at ${change.startsAt} would already have taken place`,
          },
        ]
      : [],
  );
  // The console knows the applicant's zone: the H-1B stamping waived from outside the US is refused
  // as at intake.
  const required = changes.flatMap((change, index) => {
    const message = change.kind === "milestone" ? waiverRefusal(change, input.applicant.timezone) : null;
    return message === null ? [] : [{ path: `${index}.status`, message }];
  });
  return [...nothing, ...closedMatch, ...past, ...required, ...whatIfDoneProblems(input, changes, now)];
}

/**
 * The fields the changes touch, each as the record holds it ("the Match year 2027", "the visa
 * track J-1", "USMLE Step 1 done on 2025-06-01", "the interview with Mercy IM on 2026-11-02"),
 * once each in the changes' order. Pure.
 */
function recordedFields(input: PlannerInput, changes: readonly WhatIfChange[]): string[] {
  const fields = changes.map((change) => {
    switch (change.kind) {
      case "matchYear":
        return `the Match year ${input.applicant.matchYear}`;
      case "visa":
        return `the visa track ${input.applicant.visa}`;
      case "milestone": {
        const entry = input.milestones.find((milestone) => milestone.key === change.key);
        return `${stepName(change.key)} ${entry?.status ?? change.status}${entry?.date ? ` on ${entry.date}` : ""}`;
      }
      default:
        return `the interview with ${change.program.trim()} on ${change.startsAt.slice(0, 10)}`;
    }
  });
  return [...new Set(fields)];
}

/** The interview-season warning's last sentence: what to check (one per list is enough). */
export const CHECK_MATCH_YEAR = "Check the Match year and the date.";

/** A what-if warning: its sentence, and where its dates come from (URLs, projection rules) beside it. */
export interface WhatIfWarning {
  message: string;
  /** The season dates' sources, once each; shown after the sentence, never inside it. */
  sources: string[];
}

/**
 * Interviews in the what-if that fall outside the interview season of the Match the plan is dated
 * for: before programs may review ERAS applications, or after the rank order list deadline (both
 * from the season data, with their sources; "projected" when the date is). A warning, not a
 * refusal: programs set their own dates. `after` is the plan with the what-if applied: its later
 * planned Match when the target is out of reach (the cohort's "2027 → 2028"), else its Match year: doneCountsFor,
 * (a 2028-dated plan was checked against the over 2027 season). Pure.
 */
export function interviewSeasonWarnings(
  after: Pick<Plan, "matchYear" | "risks">,
  changes: readonly WhatIfChange[],
): WhatIfWarning[] {
  const interviews = changes.flatMap((change) => (change.kind === "interview" ? [change] : []));
  return outsideSeasonWarnings(seasonCalendar(doneCountsFor(after)), interviews);
}

/**
 * The interviews (program, ISO `startsAt`) outside `calendar`'s Match's interview season
 * (inInterviewSeason, the window that also decides whether an interview is evidence of being in
 * that Match), each warned in that Match's name with its season's dates. Pure.
 */
export function outsideSeasonWarnings(
  calendar: SeasonCalendar,
  interviews: readonly { program: string; startsAt: string }[],
): WhatIfWarning[] {
  const opens = calendar.dates.eras_programs_may_review_applications_and_mspe;
  const closes = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  return interviews.flatMap((interview) => {
    if (inInterviewSeason(Date.parse(interview.startsAt), calendar)) return [];
    return [
      {
        message: `The interview at ${interview.program} on ${interview.startsAt.slice(0, 10)} is outside the ${calendar.matchYear} Match's interview season: programs may review ERAS applications from ${dated(opens)}, and rank order lists are due by ${dated(closes)}. ${CHECK_MATCH_YEAR}`,
        // Sources are data beside the sentence: the page shows them as links after it.
        sources: [...new Set([opens.source, closes.source])],
      },
    ];
  });
}

/** "2026-09-23 (projected)": the source goes after the sentence, not inside it. */
function dated(date: SeasonDate): string {
  return `${date.date}${basisMark(date)}`;
}
