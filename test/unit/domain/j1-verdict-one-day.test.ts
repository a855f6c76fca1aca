import { describe, expect, it } from "vitest";
import type { Plan, Risk } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Applicants matched on a J-1 for a 1 Jul 2027 start, contract signed, whose sponsorship file is still
// open in late April. ECFMG's shorter review (4 weeks) and the plan's month at the consulate bring the
// visa 58 days after the file is complete, so the file must be complete by about Mon 3 May for the
// start to hold. An advisor counts those days in the applicant's own calendar: on her Monday the
// visa comes around Wed 30 Jun and the start holds; on her Tuesday it comes on Thu 1 Jul, the start
// day itself ("on the day residency starts", never "after" it), and the start is out of reach, wherever she lives. One count for one day, too: a day
// she planned is counted with the same review as the last day, never with the longer one beside it.

const calendar = seasonCalendar(2027);
const contract = milestoneFactory("contract", "done", "2027-03-26");
const inZone = (zone: string, extra: MilestoneEntry[]) => matched2027(zone, { extra: [contract, ...extra] });
const verdict = (result: Plan): Risk | undefined =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const planAt = (input: ReturnType<typeof inZone>, now: string): Plan => plan(input, calendar, new Date(now));

/** Statement of Need planned for Wed 28 Apr, the sponsorship application under way since 15 Apr. */
const statementPlanned = (zone: string) =>
  inZone(zone, [
    milestoneFactory("j1_statement_of_need", "scheduled", "2027-04-28"),
    milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
  ]);

describe("the J-1 file's last day ends at the applicant's own midnight, east and west of ET", () => {
  it.each([
    ["Africa/Lagos", "2027-05-03T22:30:00Z", "2027-05-03T23:30:00Z", "2027-05-03T23:00:00.000Z"],
    ["Pacific/Auckland", "2027-05-03T11:30:00Z", "2027-05-03T12:30:00Z", "2027-05-03T12:00:00.000Z"],
    ["Pacific/Honolulu", "2027-05-04T04:00:00Z", "2027-05-04T10:30:00Z", "2027-05-04T10:00:00.000Z"],
  ])(
    "in %s: the last day holds to its end, and the start is out of reach from her next day",
    (zone, monday, tuesday, midnight) => {
      const input = statementPlanned(zone);
      const before = verdict(planAt(input, monday));
      expect(before?.visaVerdict).toBe("j1-last-day");
      expect(before?.message).toContain("must be complete by about Mon 3 May 2027");
      expect(before?.message).toContain("your J-1 visa would come around Wed 30 Jun 2027 at the earliest");
      // The verdict turns at her midnight: the plan is made again then.
      expect(planAt(input, monday).riskChangesAt).toContain(midnight);
      const after = verdict(planAt(input, tuesday));
      expect(after?.visaVerdict).toBe("j1-out-of-reach");
      expect(after?.message).toContain(
        "your J-1 visa would come around Thu 1 Jul 2027 at the earliest, on the day residency starts",
      );
      expect(after?.message).not.toContain("by about Mon 3 May");
    },
  );
});

describe("a day planned for the file is counted once, with the last day's own review", () => {
  it("a Statement of Need expected Wed 28 Apr, before the last day: in time for the start, said once", () => {
    const message = verdict(planAt(statementPlanned("Africa/Lagos"), "2027-04-20T08:00:00Z"))?.message;
    expect(message).toContain("even with every document in on Wed 28 Apr 2027, the day you plan");
    expect(message).toContain("your J-1 visa would come around Fri 25 Jun 2027 at the earliest.");
    expect(message).toContain(
      "must be complete by about Mon 3 May 2027: keep to the day you plan, Wed 28 Apr 2027",
    );
    expect(message).not.toContain("Fri 9 Jul 2027");
    expect(message).not.toContain("after residency starts");
  });

  it("a sponsorship planned for Mon 10 May, after the last day: the visa after the start, and ask for it sooner", () => {
    const input = inZone("Pacific/Auckland", [
      milestoneFactory("j1_statement_of_need", "done", "2027-04-10"),
      milestoneFactory("j1_ecfmg_sponsorship", "scheduled", "2027-05-10"),
    ]);
    const message = verdict(planAt(input, "2027-04-19T21:00:00Z"))?.message;
    expect(message).toContain(
      "your J-1 visa would come around Wed 7 Jul 2027 at the earliest, after residency starts",
    );
    expect(message).toContain(
      "must be complete by about Mon 3 May 2027: the day you plan, Mon 10 May 2027, is after it",
    );
    expect(message).not.toContain("Wed 21 Jul 2027");
  });
});

describe("a J-1 sponsorship blocked on a certificate not reported: the verdict asks for what unblocks it", () => {
  // Every exam and the Pathway done long ago: nothing known holds the certificate back, yet it is not
  // reported, and the sponsorship, not started, waits for it (the plan shows it blocked).
  const input = inZone("Asia/Manila", [milestoneFactory("ecfmg_certification", "in_progress", "2027-03-01")]);

  it("on 20 Apr the last day names the certificate first and never says to complete the blocked step now", () => {
    const result = planAt(input, "2027-04-20T02:00:00Z");
    expect(result.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship")?.waitingFor).toContain(
      "ecfmg_certification",
    );
    const risk = verdict(result);
    expect(risk?.visaVerdict).toBe("j1-last-day");
    expect(risk?.milestones[0]).toBe("ecfmg_certification");
    expect(risk?.message).toContain("waits for your ECFMG certificate, which is not reported");
    expect(risk?.message).toContain(
      "must be complete, your ECFMG certificate issued and included, by about Mon 3 May 2027: check in MyIntealth whether ECFMG has issued your certificate",
    );
    expect(risk?.message).toContain(
      "complete your sponsorship application in EVNet the day your certificate is issued",
    );
    expect(risk?.message).not.toContain(
      "complete your sponsorship application in EVNet with every document in",
    );
  });

  it("on 4 May the start out of reach asks for the certificate too, not the blocked application today", () => {
    const risk = verdict(planAt(input, "2027-05-04T05:00:00Z"));
    expect(risk?.visaVerdict).toBe("j1-out-of-reach");
    expect(risk?.milestones[0]).toBe("ecfmg_certification");
    expect(risk?.message).toContain("check in MyIntealth whether ECFMG has issued your certificate");
    expect(risk?.message).not.toContain("complete your sponsorship application in EVNet today");
  });
});
