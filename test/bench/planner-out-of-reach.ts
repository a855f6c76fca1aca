import type { PlannerInput } from "#domain/planner.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";

/**
 * Late-road inputs for the planner bench: two plans whose 2027 Match is out of reach and that move
 * to the 2028 Match, and one that an interview keeps in 2027. A moved plan builds a second context
 * for the later Match and runs two to four feasibility passes (more past a step deadline:
 * matchDroppedBy replays it), where an in-reach plan runs one, so a bench of in-reach plans only did
 * not measure what these users run. Each is a case reviewers or advisors met (one past a step's last
 * sitting day among them). test/unit/bench/planner-out-of-reach.test.ts checks which ones move, so
 * a rule change that keeps one in 2027 cannot leave this description wrong unnoticed.
 */

/** The bench applicant (fullSnapshot's) with `milestones` and `interviews` of its own. */
function applicantWith(
  base: PlannerInput,
  zone: string,
  milestones: readonly MilestoneEntry[],
  interviews: PlannerInput["interviews"],
): PlannerInput {
  return { applicant: { ...base.applicant, timezone: zone }, milestones, interviews };
}

/** `entries` with the entry for `changed.key` replaced by `changed`. */
function replaced(entries: readonly MilestoneEntry[], changed: MilestoneEntry): MilestoneEntry[] {
  return entries.map((entry) => (entry.key === changed.key ? changed : entry));
}

/**
 * Three late-road plans, each with its instant, for the 2027 calendar:
 * - in October 2026 with Step 2 CK not started and no interview: even the fastest pace reports
 *   it after the rank order list deadline (moved to 2028, two feasibility passes);
 * - in December 2026, a short intake (Step 1 done, Step 2 CK not started) with one interview: an
 *   interview in hand keeps the 2027 Match (a typical study period is advice and alone never writes
 *   off a Match with interviews), so it stays, with EXAMS_LATE_FOR_RANKING (it moved once);
 * - on 30 January 2027, past Step 2 CK's last sitting day (Wed 27 Jan 2027), with the exam booked
 *   for 5 February and the bench's interviews: the Pathway deadline has passed too, so the notice
 *   replays it (matchDroppedBy).
 * `base` is fullSnapshot's input for the bench's interview count.
 */
export function outOfReachVariants(base: PlannerInput): { input: PlannerInput; now: Date }[] {
  const notStarted: MilestoneEntry = { key: "usmle_step2ck", status: "not_started" };
  return [
    {
      input: applicantWith(base, "Asia/Karachi", replaced(base.milestones, notStarted), []),
      now: new Date("2026-10-20T10:00:00Z"),
    },
    {
      input: applicantWith(
        base,
        "Africa/Lagos",
        [{ key: "usmle_step1", status: "done", date: "2025-11-01" }, notStarted],
        [
          {
            program: "Example IM Program",
            startsAt: "2026-12-10T14:00:00Z",
            timezone: "America/New_York",
            format: "virtual",
          },
        ],
      ),
      now: new Date("2026-12-03T10:00:00Z"),
    },
    {
      input: applicantWith(
        base,
        "America/Los_Angeles",
        replaced(base.milestones, { key: "usmle_step2ck", status: "scheduled", date: "2027-02-05" }),
        base.interviews,
      ),
      now: new Date("2027-01-30T10:00:00Z"),
    },
  ];
}
