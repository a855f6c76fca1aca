import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A sponsor note reported `false` beside the applicant's own ECFMG certificate, which ECFMG issues
 * only for a school with a note: most likely a slip on the form. The certificate opens the gate as
 * the note would, so every later step, whatever its status or date, is planned and reminded as for
 * the same applicant with the note: the rank order list (and its passed deadline's "check R3 now"),
 * SOAP, Match Week, Match Day, the contract and the J-1 chain. The question stays: on the WDOMS
 * check's card and in its notice, asked until residency starts. A USMLE pass opens it too (FSMB
 * registers an IMG only with ECFMG's approval); weaker evidence (an approved application only) keeps the gate. (An advisor saw a matched applicant's contract and visa steps
 * all "waiting for the sponsor note", with no email at all, from the rank list's deadline on.)
 *
 * Rashida, in Dhaka.
 */
const calendar = seasonCalendar(2027);
const RANKING = new Date("2027-01-25T04:00:00Z");

function rashida(
  keys: readonly string[],
  interviews: Interview[],
  now: Date,
  wdomsSponsorNote = false,
): Plan {
  const milestones: MilestoneEntry[] = doneMilestones(
    keys.filter((key) => key !== "ecfmg_certification" && !AFTER.includes(key)) as typeof REGISTERED_KEYS,
    "2026-09-18",
  );
  if (keys.includes("ecfmg_certification"))
    milestones.push({ key: "ecfmg_certification", status: "done", date: "2025-09-01" });
  if (keys.includes("rank_order_list"))
    milestones.push({ key: "rank_order_list", status: "done", date: "2027-02-20" });
  if (keys.includes("match_week")) milestones.push({ key: "match_week", status: "done", date: "2027-03-15" });
  if (keys.includes("match_day")) milestones.push({ key: "match_day", status: "done", date: "2027-03-19" });
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Rashida Begum",
        timezone: "Asia/Dhaka",
        matchYear: 2027,
        graduation: "2024-12-31",
        visa: "J-1",
        medicalSchool: { name: "Padma Valley Medical College", country: "BD", wdomsSponsorNote },
      }),
      milestones,
      interviews,
    }),
    calendar,
    now,
  );
}

const AFTER = ["rank_order_list", "match_week", "match_day"];
const INTERVIEW = [interviewFactory({ id: "iv-dhaka", startsAt: "2026-12-08T09:00:00-05:00" })];
const CERTIFIED = [...REGISTERED_KEYS, "ecfmg_certification"];
const UNREGISTERED = CERTIFIED.filter((key) => key !== "nrmp_registration");
const MATCHED = [...CERTIFIED, ...AFTER];

/** The plan but for the note's question: what an applicant with the note would be told. */
function planned(result: Plan) {
  const asked = (milestone: string) => milestone === "wdoms_listing";
  return {
    next: result.nextSteps.filter((step) => !asked(step.milestone)),
    blocked: result.blocked,
    overdue: result.overdue,
    reminders: result.reminders.filter(
      (each) => !asked(each.milestone) && each.risk !== "ANSWERS_CONTRADICT_RECORD",
    ),
    budget: result.budget,
  };
}

describe("a sponsor note false beside the applicant's own ECFMG certificate", () => {
  it.each([
    ["registered, ranking open, no interview", CERTIFIED, [], RANKING],
    ["registered, ranking open, with an interview", CERTIFIED, INTERVIEW, RANKING],
    ["not registered with NRMP, ranking open", UNREGISTERED, [], RANKING],
    [
      "no list reported, the day after the rank list deadline",
      CERTIFIED,
      [],
      new Date("2027-02-25T23:00:00Z"),
    ],
    ["matched, the Monday after Match Day", MATCHED, [], new Date("2027-03-22T04:00:00Z")],
    ["matched, in May", MATCHED, [], new Date("2027-05-10T04:00:00Z")],
  ] as const)("%s: every step is planned and reminded as with the note", (_, keys, interviews, now) => {
    const result = rashida(keys, [...interviews], now);
    const eligible = rashida(keys, [...interviews], now, true);
    expect(planned(result)).toEqual(planned(eligible));
    expect(result.blocked.flatMap((step) => step.waitingFor)).not.toContain(
      "ECFMG sponsor note for your school",
    );
    expect(result.risks.map((risk) => risk.code)).not.toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
  });

  it.each([
    ["ranking open", CERTIFIED, RANKING],
    ["matched, after the rank list deadline", MATCHED, new Date("2027-03-22T04:00:00Z")],
  ] as const)("%s: the question is still asked, on the WDOMS check, and emailed", (_, keys, now) => {
    const result = rashida(keys, [], now);
    const asked = result.risks.find((risk) => risk.code === "ANSWERS_CONTRADICT_RECORD");
    expect(asked?.message).toContain("ECFMG certified you");
    expect(asked?.message).toContain("your plan keeps every step planned");
    expect(asked?.message).not.toContain("holds back");
    expect(asked?.message).not.toContain("pay no further fee");
    const card = result.nextSteps.find((step) => step.milestone === "wdoms_listing");
    expect(card?.action).toContain("correct your answer");
    const notice = result.reminders.find((each) => each.risk === "ANSWERS_CONTRADICT_RECORD");
    expect(notice?.milestone).toBe("wdoms_listing");
  });

  it("with an interview: its question leaves the note to the record's, which says nothing is held", () => {
    const result = rashida(CERTIFIED, INTERVIEW, RANKING);
    for (const risk of result.risks) expect(risk.message).not.toContain("holds back");
    expect(result.risks.map((risk) => risk.code)).toContain("ANSWERS_CONTRADICT_RECORD");
  });
});

describe("a sponsor note false beside a USMLE pass, the certificate pending", () => {
  // FSMB lets an IMG sit Step 1 or Step 2 CK only with an approved ECFMG application, which ECFMG
  // gives only for a school with the note: a matched applicant with both passed and the certificate
  // pending had the contract and the J-1 chain "waiting for the sponsor note", and no email at all.
  const PASSED = REGISTERED_KEYS.filter((key) => key !== "ecfmg_certification");
  it.each([
    ["ranking open", PASSED, RANKING],
    ["matched, the Monday after Match Day", [...PASSED, ...AFTER], new Date("2027-03-22T04:00:00Z")],
  ] as const)("%s: every step is planned as with the note, the question still asked", (_, keys, now) => {
    const result = rashida(keys, [], now);
    expect(planned(result)).toEqual(planned(rashida(keys, [], now, true)));
    expect(result.blocked.flatMap((step) => step.waitingFor)).not.toContain(
      "ECFMG sponsor note for your school",
    );
    const asked = result.risks.find((risk) => risk.code === "ANSWERS_CONTRADICT_RECORD");
    expect(asked?.message).toContain(
      "your plan keeps every step planned, as your USMLE results show the note",
    );
    const card = result.nextSteps.find((step) => step.milestone === "wdoms_listing");
    expect(card?.action).toContain("yet you passed USMLE Step 1 and USMLE Step 2 CK");
    expect(result.reminders.some((each) => each.risk === "ANSWERS_CONTRADICT_RECORD")).toBe(true);
  });
});

describe("weaker evidence keeps the gate and a neutral code", () => {
  it("an approved application only: asked under ANSWERS_CONTRADICT_RECORD, the rank list held", () => {
    const result = rashida(["wdoms_listing", "ecfmg_application"], [], RANKING);
    expect(result.risks[0]?.code).toBe("ANSWERS_CONTRADICT_RECORD");
    const notices = result.reminders.filter((each) => each.rung === "critical-risk");
    expect(notices.map((each) => each.risk)).toEqual(["ANSWERS_CONTRADICT_RECORD"]);
    expect(result.blocked.map((step) => step.milestone)).toContain("rank_order_list");
  });
});
