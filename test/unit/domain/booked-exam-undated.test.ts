import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry, MilestoneKey, Visa } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant who tells us an exam is booked ("scheduled") but gives no date has a seat and has paid
 * its fee: an advisor asks for the date and says the last day it can be on, never "your exam is not
 * booked", how to register or book, or to find any seat. Two far zones: Auckland (Step 2 CK, the
 * 2027 Match in January) and Honolulu (an early starter's Step 1, and every exam one by one).
 */
const cardOf = (result: Plan, key: MilestoneKey): string =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const riskOf = (result: Plan, code: string): string =>
  result.risks.find((risk) => risk.code === code)?.message ?? "";
const ASKS_THE_DATE = "booked but not its date";

/** Aroha in Auckland: everything done to NRMP registration, Step 2 CK reported booked with no date. */
function arohaPlan(now: string): Plan {
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "oet_medicine",
    "ecfmg_pathway",
    "usce",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ] as const;
  return planFor(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Pacific/Auckland",
        matchYear: 2027,
        graduation: "2025-12-15",
        specialties: ["Psychiatry"],
        programsPlanned: 45,
      }),
      milestones: [
        ...done.map((key) => milestoneFactory(key, "done", "2026-09-15")),
        milestoneFactory("usmle_step2ck", "scheduled"),
      ],
    }),
    now,
  );
}

describe("Step 2 CK booked without a date, a week before its last sitting day (Auckland, 2027 Match)", () => {
  const result = arohaPlan("2027-01-20T10:00:00+13:00");

  it("the card asks for the date and names the last day to sit it, never how to book", () => {
    const card = cardOf(result, "usmle_step2ck");
    expect(card).toContain(ASKS_THE_DATE);
    expect(card).toContain("Scheduled for…");
    expect(card).toContain("take it by Wed 27 Jan 2027");
    expect(card).not.toMatch(/\bBook\b|not booked/);
  });

  it("the risk says the same, never that the exam is not booked or how long to prepare", () => {
    const risk = riskOf(result, "EXAMS_LATE_FOR_RANKING");
    expect(risk).toContain(`USMLE Step 2 CK is ${ASKS_THE_DATE}`);
    expect(risk).toContain("Wed 27 Jan 2027");
    expect(risk).not.toMatch(/not booked|days of preparation|find any seat/);
  });

  it("its fee stays counted as paid, as the booking it is", () => {
    expect(result.budget.items.find((item) => item.key === "usmle_step2ck_exam")?.status).toBe("spent");
  });
});

describe("Step 2 CK booked without a date, past the projected last day but before the later one (Auckland)", () => {
  it("the last-day risk says to sit the seat booked and tell us its date, never to find a seat", () => {
    const risk = riskOf(arohaPlan("2027-01-29T10:00:00+13:00"), "MATCH_YEAR_LAST_DAY");
    expect(risk).toContain("sit the USMLE Step 2 CK you booked by Wed 3 Feb 2027");
    expect(risk).toContain("tell us its date");
    expect(risk).not.toMatch(/find any USMLE Step 2 CK seat|book your USMLE Step 2 CK sitting/);
    expect(risk).toContain("the sitting you told us is booked, its date not given");
  });
});

describe("An early starter's Step 1 booked without a date (Honolulu, 2028 Match)", () => {
  it("asks for the date instead of telling her to register with FSMB and book one", () => {
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({
          timezone: "Pacific/Honolulu",
          matchYear: 2028,
          graduation: "2027-05-31",
          programsPlanned: 90,
        }),
        milestones: [
          milestoneFactory("wdoms_listing", "done", "2026-12-01"),
          milestoneFactory("ecfmg_application", "done", "2026-11-01"),
          milestoneFactory("usmle_step1", "scheduled"),
        ],
      }),
      "2026-12-06T09:00:00-10:00",
    );
    const card = cardOf(result, "usmle_step1");
    expect(card).toContain(ASKS_THE_DATE);
    expect(card).toContain("Wed 26 Jan 2028");
    expect(card).not.toContain("Register through FSMB");
  });
});

/** Each exam booked without a date, in Honolulu, in October of its Match season (Step 3 on H-1B). */
const EXAMS: readonly [MilestoneKey, Visa, string][] = [
  ["usmle_step1", "J-1", "reaches ECFMG and NRMP"],
  ["usmle_step2ck", "J-1", "reaches ECFMG and NRMP"],
  ["oet_medicine", "J-1", "supporting your Pathway"],
  ["usmle_step3", "H-1B", "take it by"],
];
describe.each(EXAMS)("%s booked without a date (Honolulu, 2027 Match)", (key, visa, says) => {
  it("its card asks for the date, as every booked exam's does", () => {
    const milestones: MilestoneEntry[] = [
      milestoneFactory("wdoms_listing", "done", "2026-01-10"),
      milestoneFactory("ecfmg_application", "done", "2026-01-10"),
      ...(["usmle_step1", "usmle_step2ck", "oet_medicine"] as const)
        .filter((exam) => exam !== key)
        .map((exam) => milestoneFactory(exam, "done", "2026-05-10")),
      milestoneFactory(key, "scheduled"),
    ];
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({
          timezone: "Pacific/Honolulu",
          matchYear: 2027,
          graduation: "2025-06-30",
          visa,
        }),
        milestones,
      }),
      "2026-10-01T09:00:00-10:00",
    );
    const card = cardOf(result, key);
    expect(card).toContain(ASKS_THE_DATE);
    expect(card).toContain(says);
  });
});

/**
 * Nour in Cairo, three weeks before her Pathway's projected deadline: her OET sitting is booked (no
 * date given) and her Pathway application is in progress. Both risks that name the OET must say to
 * take the seat she booked and tell us its day, never to book a sitting: a second sitting is a
 * second OET fee.
 */
describe("OET booked without a date beside a Pathway in progress, three weeks before the Pathway's deadline (Cairo)", () => {
  const result = planFor(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Africa/Cairo",
        matchYear: 2027,
        graduation: "2025-03-31",
        specialties: ["Internal Medicine"],
        visa: "J-1",
      }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2024-01-10"),
        milestoneFactory("ecfmg_application", "done", "2024-02-01"),
        milestoneFactory("usmle_step1", "done", "2024-09-01"),
        milestoneFactory("usmle_step2ck", "done", "2026-08-20"),
        milestoneFactory("oet_medicine", "scheduled"),
        milestoneFactory("ecfmg_pathway", "in_progress"),
        milestoneFactory("eras_token", "done", "2026-06-20"),
        milestoneFactory("eras_application", "done", "2026-09-20"),
      ],
    }),
    "2026-12-06T21:00:00+02:00",
  );

  it("EXAMS_LATE_FOR_RANKING asks her to take the sitting she booked, not to book one", () => {
    const risk = riskOf(result, "EXAMS_LATE_FOR_RANKING");
    expect(risk).toContain("take the sitting you booked and tell us its date");
    expect(risk).not.toContain("book a sitting");
  });

  it("MATCH_YEAR_LAST_DAY names the seat she booked and its last day, never the earliest sitting she can book", () => {
    const risk = riskOf(result, "MATCH_YEAR_LAST_DAY");
    expect(risk).toContain(
      "take the OET Medicine sitting you booked by Tue 5 Jan 2027 (our advice) and tell us its date",
    );
    expect(risk).not.toContain("book the earliest OET Medicine sitting");
  });
});
