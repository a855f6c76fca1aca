import { describe, expect, it } from "vitest";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

// The one out-of-reach notice ("The 2027 Match is out of reach:
// update your Match year to 2028 …") sat on the Pathway the day the Pathway's deadline passed, then
// on the OET a week later, once the rank order list deadline was out of reach too, for the same
// input. For the same input its step, and its id, do not move as now moves.

const DAY = 86_400_000;

/** A Cairo applicant with everything to NRMP done but the OET and the Pathway, the OET as `oet`. */
const oetAndPathwayOpen = (...oet: ReturnType<typeof milestoneFactory>[]): PlannerInput =>
  enteredFor(2027, ...oet);
const enteredFor = (matchYear: number, ...oet: ReturnType<typeof milestoneFactory>[]): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({ matchYear, timezone: "Africa/Cairo", graduation: "2023-07-01" }),
    milestones: openStepsNotStarted([...doneMilestones([...DONE_BUT_OET_AND_PATHWAY], "2026-08-20"), ...oet]),
  });

/** The out-of-reach notice's step and id at every day from `from` to `to`, where there is one. */
function noticesBetween(input: PlannerInput, from: string, to: string): Set<string> {
  const seen = new Set<string>();
  const entered = seasonCalendar(input.applicant.matchYear);
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY) {
    const notice = plan(input, entered, new Date(at)).reminders.find(
      (each) => each.rung === OUT_OF_REACH_RUNG,
    );
    if (notice !== undefined) seen.add(`${notice.milestone} ${notice.id}`);
  }
  return seen;
}

describe("the out-of-reach notice keeps its step as time passes", () => {
  it.each([
    ["OET not started", oetAndPathwayOpen()],
    ["OET under way, no date", oetAndPathwayOpen(milestoneFactory("oet_medicine", "in_progress"))],
    [
      "OET booked after its last sitting day",
      oetAndPathwayOpen(milestoneFactory("oet_medicine", "scheduled", "2027-02-14")),
    ],
  ])("%s: one step, one id from the first notice to the rank order list deadline", (_name, input) => {
    // Prepare / Act: every day from before the Pathway's deadline to the 2027 rank order list deadline
    const seen = noticesBetween(input, "2026-12-01T10:00:00Z", "2027-03-03T10:00:00Z");
    // Assess
    expect(seen.size).toBe(1);
  });

  it("the Pathway, whose deadline dropped the Match, carries it", () => {
    const seen = noticesBetween(oetAndPathwayOpen(), "2026-12-20T10:00:00Z", "2027-01-20T10:00:00Z");
    expect([...seen].map((each) => each.split(" ")[0])).toEqual(["ecfmg_pathway"]);
  });

  it("a later Match dropped out (2026 entered, 2027 dropped at its Pathway deadline): its notice stays on the Pathway too", () => {
    const seen = noticesBetween(enteredFor(2026), "2026-12-28T10:00:00Z", "2027-02-20T10:00:00Z");
    // Two drops (ECFMG's deadlines follow NRMP's later candidate): 2027 held on its later
    // Pathway deadline, Sat 2 Jan 2027, then dropped: each notice on the Pathway.
    // With OET's own booking allowance (about 28 days, advice), the 2027 drop on Sun 3 Jan is
    // the OET's: no session can be booked by its later-candidate last sitting day (Tue 12 Jan). Each
    // drop keeps one step and one id from then on.
    expect([...seen].map((each) => each.split(" ")[0])).toEqual(["ecfmg_pathway", "oet_medicine"]);
  });
});
