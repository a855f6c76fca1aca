import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A step answered "not started", "in progress" or "scheduled" beside a later step reported done
 * that cannot be done without it: a contract "not started" beside a DS-2019 received, the J-1
 * sponsorship "scheduled" for June beside a visa already stamped, NRMP registration "not started"
 * beside a certified rank list. The done answer implies the earlier step (the plan counts it done
 * and pushes no fee for it), but one of the two answers is wrong and the plan said nothing: it now
 * asks which is right (DONE_DATES_OUT_OF_ORDER) and says what to re-check. A DS-2019 dated or
 * expected before ECFMG's review could have issued it (4 to 6 weeks once every document is in) is
 * asked about the same way, and a passed DS-2019 date no longer says "today" beside a later badge.
 * Far zones: Auckland (Match Day's results come on Saturday there) and Honolulu.
 */
const MATCHED = readSnapshot(
  fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url)),
  "ama-matched-accra.json",
);
const UNREGISTERED = readSnapshot(
  fileURLToPath(new URL("../../fixtures/answers-disagree/", import.meta.url)),
  "list-certified-registration-not-started-lagos.json",
);

function withAnswers(
  snapshot: ApplicantSnapshot,
  answers: MilestoneEntry[],
  timezone: string,
): ApplicantSnapshot {
  const keys = new Set(answers.map((answer) => answer.key));
  return {
    ...snapshot,
    applicant: { ...snapshot.applicant, timezone },
    milestones: [...snapshot.milestones.filter((entry) => !keys.has(entry.key)), ...answers],
  };
}

const question = (result: Plan) => result.risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");
const asked = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.blocked.map((step) => step.milestone),
];
const sponsorshipFee = (result: Plan) => result.budget.items.find((item) => item.key === "j1_sponsorship");

describe("a contract not started beside a DS-2019 received, in Auckland", () => {
  const snapshot = withAnswers(
    MATCHED,
    [
      { key: "match_day", status: "done", date: "2027-03-20" },
      { key: "contract", status: "not_started" },
      { key: "j1_statement_of_need", status: "done", date: "2027-03-25" },
      { key: "j1_ds2019", status: "done", date: "2027-04-30" },
    ],
    "Pacific/Auckland",
  );
  const result = planInOwnMatch(snapshot, "2027-05-01T21:00:00Z");

  it("asks which answer is right, names both and says which the plan goes by", () => {
    const risk = question(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(expect.arrayContaining(["contract", "j1_ds2019"]));
    expect(risk?.message).toContain(
      "Your answers mark your DS-2019 done on Fri 30 Apr 2027 but say your program contract is not started, though your DS-2019 needs it first: which is right?",
    );
    expect(risk?.message).toContain("Until you answer, your plan counts your program contract done.");
  });

  it("pushes no contract step nor the sponsorship fee the DS-2019 implies paid", () => {
    expect(asked(result)).not.toContain("contract");
    expect(asked(result)).not.toContain("j1_ecfmg_sponsorship");
    expect(sponsorshipFee(result)?.status).not.toBe("upcoming");
  });

  it("is not asked once the contract is reported signed (guard)", () => {
    const signed = withAnswers(
      snapshot,
      [{ key: "contract", status: "done", date: "2027-03-24" }],
      "Pacific/Auckland",
    );
    expect(question(planInOwnMatch(signed, "2027-05-01T21:00:00Z"))).toBeUndefined();
  });
});

describe("the J-1 sponsorship scheduled for June beside a visa stamped in May, in Honolulu", () => {
  const snapshot = withAnswers(
    MATCHED,
    [
      { key: "match_day", status: "done", date: "2027-03-19" },
      { key: "j1_ecfmg_sponsorship", status: "scheduled", date: "2027-06-20" },
      { key: "visa_j1", status: "done", date: "2027-05-01" },
    ],
    "Pacific/Honolulu",
  );
  const result = planInOwnMatch(snapshot, "2027-05-02T19:00:00Z");

  it("asks about the sponsorship's answer instead of ignoring it", () => {
    const message = question(result)?.message ?? "";
    expect(message).toContain(
      "Your answers mark your J-1 visa done on Sat 1 May 2027 but say your J-1 sponsorship application to ECFMG is scheduled for Sun 20 Jun 2027",
    );
    expect(message).toContain(
      "Most likely the answer for your J-1 sponsorship application to ECFMG was not updated",
    );
    expect(sponsorshipFee(result)?.status).not.toBe("upcoming");
  });
});

describe("a certified rank list beside NRMP registration not started", () => {
  for (const timezone of ["Pacific/Auckland", "Pacific/Honolulu"]) {
    it(`asks once, pointing to R3, and keeps the Match (${timezone})`, () => {
      const result = planInOwnMatch(withAnswers(UNREGISTERED, [], timezone), "2027-02-20T08:00:00Z");
      const risk = question(result);
      expect(risk?.milestones).toEqual(expect.arrayContaining(["nrmp_registration", "rank_order_list"]));
      expect(risk?.message).toContain("but say your NRMP registration is not started");
      expect(risk?.message).toContain(
        "Check in NRMP's R3 system that your registration and your certified list both show.",
      );
      expect(result.risks.map((each) => each.code)).not.toContain("NRMP_REGISTRATION_CLOSED");
      expect(asked(result)).not.toContain("nrmp_registration");
    });
  }
});

describe("a DS-2019 dated before ECFMG's review could have issued it", () => {
  const chain: MilestoneEntry[] = [
    { key: "match_day", status: "done", date: "2027-03-19" },
    { key: "contract", status: "done", date: "2027-03-25" },
    { key: "j1_statement_of_need", status: "done", date: "2027-03-30" },
    { key: "j1_ecfmg_sponsorship", status: "done", date: "2027-03-31" },
  ];

  it("expected before the sponsorship was sent: asked, and its card says no 'today' beside a later badge (Honolulu)", () => {
    const snapshot = withAnswers(
      MATCHED,
      [...chain, { key: "j1_ds2019", status: "scheduled", date: "2027-03-10" }],
      "Pacific/Honolulu",
    );
    const result = planInOwnMatch(snapshot, "2027-04-02T19:00:00Z");
    expect(question(result)?.message).toContain(
      "Your answers expect your DS-2019 on Wed 10 Mar 2027, before your J-1 sponsorship application to ECFMG (Wed 31 Mar 2027), though ECFMG issues the DS-2019 only after reviewing your sponsorship application",
    );
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.action).not.toContain("today");
    expect(card?.action).toContain("so you have it by");
  });

  it("received 12 days after Match Day: asked (Auckland)", () => {
    const snapshot = withAnswers(
      MATCHED,
      [
        { key: "match_day", status: "done", date: "2027-03-20" },
        { key: "j1_ds2019", status: "done", date: "2027-04-01" },
      ],
      "Pacific/Auckland",
    );
    const message = question(planInOwnMatch(snapshot, "2027-04-01T20:00:00Z"))?.message;
    expect(message).toContain(
      "Your answers date your DS-2019 Thu 1 Apr 2027, less than four weeks after Match Day's results (Fri 19 Mar 2027, 12:00 PM ET (projected), Sat 20 Mar 2027 where you are)",
    );
  });

  it("received five weeks after the sponsorship was sent is taken as given (guard)", () => {
    const snapshot = withAnswers(
      MATCHED,
      [...chain, { key: "j1_ds2019", status: "done", date: "2027-05-06" }],
      "Pacific/Honolulu",
    );
    expect(question(planInOwnMatch(snapshot, "2027-05-07T19:00:00Z"))).toBeUndefined();
  });
});

describe("a DS-2019 received beside a contract and a sponsorship both not started, in Honolulu", () => {
  const snapshot = withAnswers(
    MATCHED,
    [
      { key: "match_day", status: "done", date: "2027-03-19" },
      { key: "contract", status: "not_started" },
      { key: "j1_ecfmg_sponsorship", status: "not_started" },
      { key: "j1_statement_of_need", status: "done", date: "2027-03-25" },
      { key: "j1_ds2019", status: "done", date: "2027-04-30" },
    ],
    "Pacific/Honolulu",
  );
  const result = planInOwnMatch(snapshot, "2027-05-01T21:00:00Z");

  it("says three answers disagree as 'some', never 'two', in one question naming both", () => {
    const message = question(result)?.message ?? "";
    expect(message).toMatch(/^Some of your answers disagree/);
    expect(message).toContain("your program contract");
    expect(message).toContain("your J-1 sponsorship application to ECFMG");
  });
});
