import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { doneMilestones, matched2027 } from "./factories.ts";

// A matched J-1 applicant (Cairo, 2027 Match) with the contract, Statement of
// Need, sponsorship, DS-2019 and visa all not done heard nothing from April to 20 June 2027: the
// late links went quiet after their dates and the later ones stayed blocked behind them.

const calendar = seasonCalendar(2027);

function matched(
  extra: MilestoneEntry[] = [],
  matchDay = true,
  visa: Visa = "J-1",
  timezone = "Africa/Cairo",
) {
  return matched2027(timezone, { visa, matchDay, extra });
}
const visaRisk = (at: string, input = matched()) => {
  const result = plan(input, calendar, new Date(at));
  return { result, risk: result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START") };
};

describe("VISA_NOT_READY_FOR_START: a matched applicant's late visa chain is never silent", () => {
  it("is critical on 20 April, names the late links and the ones to follow, and is emailed at the next delivery slot", () => {
    const { result, risk } = visaRisk("2027-04-20T08:00:00Z");
    expect(risk?.severity).toBe("critical");
    // From 20 Apr even a file complete that day misses the visa's date: the visa is named, with the last
    // day for the start, and the certificate not reported, which the sponsorship waits for.
    expect(risk?.milestones).toEqual([
      "contract",
      "j1_statement_of_need",
      "j1_ecfmg_sponsorship",
      "ecfmg_certification",
      "visa_j1",
    ]);
    expect(risk?.message).toContain("by about Mon 3 May 2027");
    expect(risk?.message).toContain(
      "DS-2019 (issued by ECFMG, sent through the program), J-1 visa at the US consulate still follow",
    );
    // One issuer, said once: ECFMG issues the DS-2019 and mails it to the program's liaison.
    expect(risk?.message).not.toContain("from the program");
    expect(risk?.message.match(/issued by ECFMG|ECFMG issues/g)?.length).toBe(1);
    expect(risk?.message).toContain("Without your J-1 visa you cannot start");
    // The start in the plan's date words, said to be projected ("starting 2027-07-01").
    expect(risk?.message).toContain(
      "residency starting Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours):",
    );
    expect(risk?.message).not.toContain(calendar.dates.residency_start.date);
    expect(risk?.sources?.length).toBeGreaterThan(0);
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.milestone).toBe("contract");
    expect(notice?.sendAt).toBe("2027-04-21T07:00:00.000Z"); // the next delivery slot
    // Due the last day its words give, never "overdue since" the contract's own date nor the start.
    expect(notice?.deadlineDetail.day).toBe("2027-05-03");
    expect(notice?.overdueSince).toBeUndefined();
    // The next link's date is noted, so the plan is re-made when it slips.
    expect(result.riskChangesAt?.length).toBeGreaterThan(0);
  });

  it("sends a new notice when one more link falls behind, and once more when the start is out of reach (20 May), not again when the visa's date then passes", () => {
    const ids = ["2027-04-20T08:00:00Z", "2027-05-20T08:00:00Z", "2027-06-20T08:00:00Z"].map((at) => {
      const { result, risk } = visaRisk(at);
      expect(risk?.severity).toBe("critical");
      return result.reminders.find((each) => each.rung === "critical-risk" && each.milestone === "contract")
        ?.id;
    });
    // From 20 May even a sponsorship complete that day leaves the J-1 visa after 1 Jul: the verdict
    // names the visa already, so its date passing on 16 Jun tells nothing new.
    expect(new Set(ids).size).toBe(2);
    expect(ids[1]).toBe(ids[2]);
    expect(visaRisk("2027-05-20T08:00:00Z").risk?.message).toContain("on a J-1 is out of reach");
    expect(visaRisk("2027-06-20T08:00:00Z").risk?.milestones).toContain("visa_j1");
    // The same plan at another instant of the same week gives the same notice id (sent once).
    const sameWeek = visaRisk("2027-04-22T08:00:00Z").result.reminders.find(
      (each) => each.rung === "critical-risk",
    );
    expect(sameWeek?.id).toBe(ids[0]);
  });

  it("is absent before the first link's date, when not matched, when the chain is done, and after the start", () => {
    expect(visaRisk("2027-03-25T08:00:00Z").risk).toBeUndefined();
    // Not matched: neither Match Day nor a "matched" told in Match Week (which J-1's verdicts read too).
    const unmatched = matched([], false);
    const untold = {
      ...unmatched,
      milestones: unmatched.milestones.filter((each) => each.key !== "match_week"),
    };
    expect(visaRisk("2027-04-20T08:00:00Z", untold).risk).toBeUndefined();
    const done = matched(
      doneMilestones(["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"]),
    );
    expect(visaRisk("2027-06-20T08:00:00Z", done).risk).toBeUndefined();
    expect(visaRisk("2027-07-02T08:00:00Z").risk).toBeUndefined();
  });

  it("names only what is still late once the contract and Statement of Need are done", () => {
    const partly = matched(doneMilestones(["contract", "j1_statement_of_need"], "2027-04-25"));
    const { risk } = visaRisk("2027-05-20T08:00:00Z", partly);
    // The visa named too: with the sponsorship still incomplete on 20 May, the start is out of reach;
    // the certificate not reported, which the sponsorship waits for, first.
    expect(risk?.milestones).toEqual(["ecfmg_certification", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"]);
  });
});

// Visa undecided (Auckland), matched, 10 June 2027: the critical notice said "Without
// your J-1 visa you cannot start. Contact … ECFMG (it sponsors J-1 physicians …)" beside
// VISA_UNDECIDED, which asks the applicant to choose: the notice chose the route for them.
describe("VISA_NOT_READY_FOR_START before a visa route is chosen", () => {
  it("speaks of your visa, sends the applicant to the program's GME office, and names both routes only as options", () => {
    const undecided = matched([], true, "undecided", "Pacific/Auckland");
    const { result, risk } = visaRisk("2027-06-10T02:00:00Z", undecided);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Without your visa you cannot start");
    expect(risk?.message).not.toContain("J-1 visa you cannot");
    expect(risk?.message).toContain("your program's GME office");
    expect(risk?.message).toContain("which visa it sponsors");
    expect(risk?.message).toMatch(/a J-1 .*ECFMG.* or an H-1B/);
    expect(result.risks.map((each) => each.code)).toContain("VISA_UNDECIDED");
  });

  it("keeps each chosen route's words", () => {
    const h1b = visaRisk("2027-06-10T02:00:00Z", matched([], true, "H-1B")).risk;
    // Abroad with Step 3 never passed and its day gone, the H-1B words are the fallback's: a later
    // start so the program's petition can wait, or a J-1.
    expect(h1b?.message).toContain("The H-1B for your start date is likely out of reach");
    expect(h1b?.message).toContain("its H-1B petition can wait for your Step 3 pass");
    const j1 = visaRisk("2027-06-10T02:00:00Z").risk;
    expect(j1?.message).toContain("Without your J-1 visa you cannot start");
  });
});
