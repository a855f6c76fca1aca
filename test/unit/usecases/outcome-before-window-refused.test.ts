import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * An accepted SOAP offer dated before SOAP's first offer round, Match Week's outcome dated before
 * Match Week's notification, or Match Day's (where you matched) before Match Day's release, cannot be true for the snapshot's Match: the
 * intake refuses it naming `milestones.N.date` (RFC 9457 problems from InvalidInputError), in words
 * an applicant understands, and `npm run plan` prints the same problem. The window is Done's own
 * (doneOpensFor). A date of an earlier Match's season, and one from the window's day, are accepted.
 */
const FIXTURE = new URL(
  "../../fixtures/soap-done-before-offers/soap-done-monday-accra-2027.json",
  import.meta.url,
);
type Entry = { key: string; status: string; date?: string };
const base = JSON.parse(readFileSync(FIXTURE, "utf8")) as { milestones: Entry[] };
const withOutcome = (entry: Entry) => ({
  ...base,
  milestones: [...base.milestones.filter((one) => one.key !== "soap"), entry],
});
const INDEX = base.milestones.length - 1;
const NOW = new Date("2027-03-19T18:00:00Z");
const setup = () => ({ intake: new InMemoryApplicantStore(), clock: new FixedClock(NOW) });
const SOAP_EARLY =
  "SOAP's first offer round for the 2027 Match is Wed 17 Mar 2027, 1:00 PM GMT (Wed 17 Mar 2027, 9:00 AM ET) (our advice); an accepted SOAP offer cannot be dated before it";
const MATCH_EARLY =
  "NRMP's Match Week notification (whether you matched) for the 2027 Match is Mon 15 Mar 2027, 2:00 PM GMT (Mon 15 Mar 2027, 10:00 AM ET) (projected); a Match outcome cannot be dated before it";
// Match Day's Done is where the applicant matched: NRMP shows it in R3 only from Match Day's hour.
const MATCH_DAY_EARLY =
  "NRMP's Match Day release (where you matched) for the 2027 Match is Fri 19 Mar 2027, 4:00 PM GMT (Fri 19 Mar 2027, 12:00 PM ET) (projected); a Match outcome cannot be dated before it";

describe("a SOAP done or a Match outcome dated before NRMP's hour is refused at intake", () => {
  it.each([
    ["soap", "2027-03-15", SOAP_EARLY],
    ["match_week", "2027-03-01", MATCH_EARLY],
    ["match_day", "2027-03-14", MATCH_DAY_EARLY],
    // Match Week's Monday and Tuesday tell whether, not where: still before Match Day's release.
    ["match_day", "2027-03-15", MATCH_DAY_EARLY],
    ["match_day", "2027-03-16", MATCH_DAY_EARLY],
  ])("%s dated %s: refused at milestones.N.date; nothing is stored", async (key, date, message) => {
    const deps = setup();
    const failure = await receiveSubmission(
      withOutcome({ key, status: "done", date }),
      "webhook",
      deps,
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems).toEqual([{ path: `milestones.${INDEX}.date`, message }]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
  });

  it.each([
    ["soap", "2027-03-17"],
    ["match_week", "2027-03-15"],
    ["match_day", "2027-03-19"],
    // The 2026 Match's outcome, reported by a re-applicant: an earlier season's, not refused.
    ["match_week", "2026-03-16"],
  ])("the control: %s dated %s is accepted", async (key, date) => {
    await expect(
      receiveSubmission(withOutcome({ key, status: "done", date }), "webhook", setup()),
    ).resolves.toMatchObject({ outcome: "created" });
  });

  it("the CLI's check prints the same problem", () => {
    let err = "";
    const run = (body: object) =>
      runPlanCli(["applicant.json", "--now", NOW.toISOString()], {
        readFile: () => JSON.stringify(body),
        now: () => NOW,
        out: () => undefined,
        err: (text) => {
          err += text;
        },
      });
    expect(run(withOutcome({ key: "soap", status: "done", date: "2027-03-15" }))).toBe(2);
    expect(err).toContain(`milestones.${INDEX}.date: ${SOAP_EARLY}`);
    err = "";
    expect(run(withOutcome({ key: "soap", status: "done", date: "2027-03-17" }))).toBe(0);
    expect(err).not.toContain("cannot be dated before it");
  });
});
