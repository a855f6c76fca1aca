import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RISK_CODES, type Risk } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  matched2027,
  milestoneFactory,
} from "./factories.ts";

/**
 * A risk's message is a plain sentence and its provenance lives only in Risk.sources (one way to
 * carry sources): the timeline and the reminder email show the message as it is, and the
 * console and the escalation email no longer strip it. Every scenario fixture, on every visa track,
 * at instants across two seasons.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const NOWS = [
  "2026-05-10T03:00:00Z",
  // After the 2026 start: a matched applicant's start delayed (START_DELAYED).
  "2026-07-20T12:00:00Z",
  "2026-09-20T12:00:00Z",
  "2026-11-30T12:00:00Z",
  "2027-01-20T08:00:00Z",
  "2027-02-20T23:30:00Z",
  "2027-03-20T18:00:00Z",
  "2027-06-01T12:00:00Z",
  "2027-12-01T12:00:00Z",
];
const VISAS = ["J-1", "H-1B", "none"] as const;

function everyRisk(): { where: string; risk: Risk }[] {
  const found: { where: string; risk: Risk }[] = [];
  for (const file of readdirSync(SCENARIO_DIR).filter((name) => name.endsWith(".json"))) {
    const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
      JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8")),
    );
    for (const visa of VISAS) {
      const input = { ...snapshot, applicant: { ...snapshot.applicant, visa } };
      for (const now of NOWS) {
        const result = plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
        for (const risk of result.risks) found.push({ where: `${file} ${visa} ${now} ${risk.code}`, risk });
      }
    }
    // A target Match year that reads as a typo (MATCH_YEAR_IMPLAUSIBLE).
    const typo = { ...snapshot, applicant: { ...snapshot.applicant, matchYear: 2040 } };
    for (const risk of plan(typo, seasonCalendar(2040), new Date(NOWS[2] ?? "")).risks)
      found.push({ where: `${file} 2040 ${risk.code}`, risk });
  }
  // An interview for the Match with no certification step reported (CERTIFICATION_STATUS_UNREPORTED).
  const quiet: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL("nothing-done-2027.json", SCENARIO_DIR), "utf8")),
  );
  const interviewing = {
    ...quiet,
    interviews: [
      {
        program: "Riverside IM",
        startsAt: "2027-01-20T15:00:00Z",
        timezone: "America/New_York",
        format: "virtual" as const,
      },
    ],
  };
  for (const risk of plan(interviewing, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json interviewing ${risk.code}`, risk });
  // A Pathway marked done with its OET still booked ahead (PATHWAY_DONE_BEFORE_OET).
  const oetAhead = {
    ...quiet,
    milestones: [
      { key: "ecfmg_pathway" as const, status: "done" as const, date: "2026-09-10" },
      { key: "oet_medicine" as const, status: "scheduled" as const, date: "2027-01-02" },
    ],
  };
  for (const risk of plan(oetAhead, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json Pathway done, OET ahead ${risk.code}`, risk });
  // One OET score that meets the Writing minimum only, its Pathway pending (OET_SUB_TESTS_UNCLEAR).
  const oetUnclear = {
    ...quiet,
    milestones: [
      { key: "oet_medicine" as const, status: "done" as const, date: "2026-10-10", score: 320 },
      { key: "ecfmg_pathway" as const, status: "in_progress" as const, date: "2026-10-20" },
    ],
  };
  for (const risk of plan(oetUnclear, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json OET 320 ${risk.code}`, risk });
  // Beside it, one in the next Match's season (INTERVIEW_IN_LATER_MATCH).
  const first = interviewing.interviews[0] as (typeof interviewing.interviews)[0];
  const nextSeason = { ...quiet, interviews: [first, { ...first, startsAt: "2027-10-20T15:00:00Z" }] };
  for (const risk of plan(nextSeason, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json next season ${risk.code}`, risk });
  // One after the rank order list deadline, before the next season (INTERVIEW_AFTER_RANK_LIST_DEADLINE).
  const ready: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(new URL("nrmp-registering-after-early-deadline-2027.json", SCENARIO_DIR), "utf8"),
    ),
  );
  const afterDeadline = { ...ready, interviews: [{ ...first, startsAt: "2027-02-26T14:00:00Z" }] };
  for (const risk of plan(afterDeadline, seasonCalendar(2027), new Date("2027-02-10T12:00:00Z")).risks)
    found.push({
      where: `nrmp-registering-after-early-deadline-2027.json after the deadline ${risk.code}`,
      risk,
    });
  // The same interview in person, for an applicant abroad (INTERVIEW_NEEDS_VISITOR_VISA).
  const inPerson = {
    ...interviewing,
    interviews: interviewing.interviews.map((each) => ({ ...each, format: "in_person" as const })),
  };
  for (const risk of plan(inPerson, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
    if (risk.code === "INTERVIEW_NEEDS_VISITOR_VISA")
      found.push({ where: `nothing-done-2027.json interviewing in person ${risk.code}`, risk });
  // The H-1B stamping "Not for me" from a zone outside the US, ignored (H1B_STAMPING_WAIVER_IGNORED).
  const chicago: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL("h1b-living-in-chicago-2027.json", SCENARIO_DIR), "utf8")),
  );
  const waivedAbroad = {
    ...chicago,
    applicant: { ...chicago.applicant, timezone: "Asia/Kathmandu" },
    milestones: [...chicago.milestones, { key: "visa_h1b_stamping" as const, status: "waived" as const }],
  };
  for (const risk of plan(waivedAbroad, seasonCalendar(2027), new Date("2027-04-25T10:00:00Z")).risks)
    found.push({ where: `h1b-living-in-chicago-2027.json waived abroad ${risk.code}`, risk });
  // A J-1 sponsorship done after its date, its review past the DS-2019's (ECFMG_REVIEW_PAST_DS2019).
  const review = readFileSync(
    new URL("../j1-sponsorship-review/sponsorship-in-progress-dhaka.json", SCENARIO_DIR),
  );
  const sponsoring: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(review.toString("utf8")));
  const done = { key: "j1_ecfmg_sponsorship" as const, status: "done" as const, date: "2027-04-19" };
  const doneLate = {
    ...sponsoring,
    milestones: [...sponsoring.milestones.filter((m) => m.key !== done.key), done],
  };
  for (const risk of plan(doneLate, seasonCalendar(2027), new Date("2027-04-20T16:00:00Z")).risks)
    found.push({ where: `sponsorship-in-progress-dhaka.json done late ${risk.code}`, risk });
  // The same file done on time, the DS-2019 received late enough to pass the visa's date (DS2019_RECEIVED_LATE).
  const onTime = { ...done, date: "2027-04-02" };
  const ds2019 = { key: "j1_ds2019" as const, status: "done" as const, date: "2027-05-31" };
  const ds2019Late = {
    ...sponsoring,
    milestones: [...sponsoring.milestones.filter((m) => m.key !== done.key), onTime, ds2019],
  };
  for (const risk of plan(ds2019Late, seasonCalendar(2027), new Date("2027-05-31T10:00:00Z")).risks)
    found.push({ where: `sponsorship-in-progress-dhaka.json DS-2019 late ${risk.code}`, risk });
  // The same, the J-1 visa then issued in the start's last week (VISA_ISSUED_LATE).
  const visaLate = {
    ...ds2019Late,
    milestones: [
      ...ds2019Late.milestones,
      { key: "visa_j1" as const, status: "done" as const, date: "2027-06-29" },
    ],
  };
  for (const risk of plan(visaLate, seasonCalendar(2027), new Date("2027-06-29T10:00:00Z")).risks)
    found.push({ where: `sponsorship-in-progress-dhaka.json visa issued late ${risk.code}`, risk });
  // An H-1B petition unfiled a day past the plan's filing day, contract signed (H1B_PETITION_PAST_VISA_DATE).
  const petitionUnfiled = matched2027("Africa/Lagos", {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2026-12-10"),
      milestoneFactory("contract", "done", "2027-04-06"),
    ],
  });
  for (const risk of plan(petitionUnfiled, seasonCalendar(2027), new Date("2027-04-17T07:00:00Z")).risks)
    found.push({ where: `matched H-1B, petition unfiled on 17 Apr ${risk.code}`, risk });
  // The petition filed on 30 Apr, its visa in the start's last week; a change of status filed on 8 Jun,
  // its approval after orientation (H1B_PETITION_FILED_LATE).
  const filedOn = (day: string) => milestoneFactory("visa_h1b", "in_progress", day);
  const filedLate = {
    ...petitionUnfiled,
    milestones: [...petitionUnfiled.milestones, filedOn("2027-04-30")],
  };
  for (const risk of plan(filedLate, seasonCalendar(2027), new Date("2027-05-02T08:00:00Z")).risks)
    found.push({ where: `matched H-1B, petition filed on 30 Apr ${risk.code}`, risk });
  const approvedLate = {
    ...petitionUnfiled,
    milestones: [...petitionUnfiled.milestones, milestoneFactory("visa_h1b", "done", "2027-05-20")],
  };
  for (const risk of plan(approvedLate, seasonCalendar(2027), new Date("2027-05-20T12:00:00Z")).risks)
    found.push({ where: `matched H-1B, petition approved on 20 May ${risk.code}`, risk });
  const statusLate = matched2027("America/Chicago", {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2026-12-10"),
      milestoneFactory("contract", "done", "2027-04-06"),
      filedOn("2027-06-08"),
      milestoneFactory("visa_h1b_stamping", "waived"),
    ],
  });
  for (const risk of plan(statusLate, seasonCalendar(2027), new Date("2027-06-10T15:00:00Z")).risks)
    found.push({ where: `matched H-1B, change of status filed on 8 Jun ${risk.code}`, risk });
  // Answers the interview contradicts (ANSWERS_CONTRADICT_INTERVIEW): every sentence of it.
  const contradicting = {
    ...interviewing,
    milestones: [
      { key: "ecfmg_application" as const, status: "in_progress" as const },
      { key: "eras_application" as const, status: "not_started" as const },
    ],
  };
  const noNote = {
    ...interviewing,
    applicant: {
      ...interviewing.applicant,
      medicalSchool: { ...interviewing.applicant.medicalSchool, wdomsSponsorNote: false },
    },
  };
  for (const [name, snapshot] of [
    ["contradicting", contradicting],
    ["no note", noNote],
  ] as const)
    for (const risk of plan(snapshot, seasonCalendar(2027), new Date("2026-11-30T12:00:00Z")).risks)
      found.push({ where: `nothing-done-2027.json interviewing, ${name} ${risk.code}`, risk });
  // A note "false" beside the applicant's own ECFMG record, no interview (ANSWERS_CONTRADICT_RECORD):
  // a certificate and NRMP registration, so the rank order list is named.
  const recorded = {
    ...noNote,
    interviews: [],
    milestones: [
      { key: "ecfmg_application" as const, status: "done" as const, date: "2024-03-01" },
      { key: "ecfmg_certification" as const, status: "done" as const, date: "2025-09-01" },
      { key: "nrmp_registration" as const, status: "done" as const, date: "2026-09-20" },
    ],
  };
  for (const risk of plan(recorded, seasonCalendar(2027), new Date("2027-01-20T08:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json record, no note ${risk.code}`, risk });
  // A list, and a result, dated between the rank order list deadline's two candidates (ROL_DEADLINE_MAY_BE_LATER).
  const ranked: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL("rank-list-before-opening-2027.json", SCENARIO_DIR), "utf8")),
  );
  for (const step2 of ["2026-09-01", "2027-02-27"]) {
    const late = {
      ...ranked,
      milestones: [
        ...ranked.milestones.filter((m) => m.key !== "rank_order_list" && m.key !== "usmle_step2ck"),
        { key: "usmle_step2ck" as const, status: "done" as const, date: step2 },
        { key: "rank_order_list" as const, status: "done" as const, date: "2027-02-27" },
      ],
    };
    for (const risk of plan(late, seasonCalendar(2027), new Date("2027-02-28T12:00:00Z")).risks)
      found.push({
        where: `rank-list-before-opening-2027.json between candidates, Step 2 CK ${step2} ${risk.code}`,
        risk,
      });
  }
  // In SOAP, no position reported by the contract's date: the next Match planned (SOAP_OUTCOME_UNREPORTED).
  const certified: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
  );
  const inSoap = {
    ...certified,
    milestones: [
      ...certified.milestones,
      { key: "soap" as const, status: "in_progress" as const, date: "2027-03-15" },
    ],
  };
  for (const risk of plan(inSoap, seasonCalendar(2027), new Date("2027-05-03T09:00:00Z")).risks)
    found.push({ where: `rank-list-certified-2027.json in SOAP, May ${risk.code}`, risk });
  // SOAP marked done on Match Week's Monday, before any offer round (SOAP_DONE_BEFORE_OFFERS).
  const soapEarly = {
    ...certified,
    milestones: [
      ...certified.milestones,
      { key: "soap" as const, status: "done" as const, date: "2027-03-15" },
    ],
  };
  for (const risk of plan(soapEarly, seasonCalendar(2027), new Date("2027-03-15T16:00:00Z")).risks)
    found.push({ where: `rank-list-certified-2027.json SOAP done Monday ${risk.code}`, risk });
  // Match Week marked done, undated, in February: no outcome yet (MATCH_OUTCOME_BEFORE_MATCH_WEEK).
  const matchedEarly = {
    ...certified,
    milestones: [...certified.milestones, { key: "match_week" as const, status: "done" as const }],
  };
  for (const risk of plan(matchedEarly, seasonCalendar(2027), new Date("2027-02-20T12:00:00Z")).risks)
    found.push({ where: `rank-list-certified-2027.json Match Week done in February ${risk.code}`, risk });
  // The list planned for a day after its deadline, in February (ROL_PLANNED_AFTER_DEADLINE).
  const listLate = {
    ...certified,
    milestones: certified.milestones.map((entry) =>
      entry.key === "rank_order_list"
        ? { ...entry, status: "scheduled" as const, date: "2027-02-27" }
        : entry,
    ),
  };
  for (const risk of plan(listLate, seasonCalendar(2027), new Date("2027-02-10T12:00:00Z")).risks)
    found.push({ where: `rank-list-certified-2027.json list planned after its deadline ${risk.code}`, risk });
  // SOAP "Not for me" in Match Week, Match Week not done: not matched, not in SOAP (UNMATCHED_NOT_IN_SOAP).
  const declined = {
    ...certified,
    milestones: [
      ...certified.milestones,
      { key: "soap" as const, status: "waived" as const, date: "2027-03-15" },
    ],
  };
  for (const now of ["2027-03-22T09:00:00Z", "2027-06-10T09:00:00Z"])
    for (const risk of plan(declined, seasonCalendar(2027), new Date(now)).risks)
      found.push({ where: `rank-list-certified-2027.json SOAP Not for me, ${now} ${risk.code}`, risk });
  // Match Week done beside SOAP in progress: the two answers conflict (MATCH_WEEK_SOAP_CONFLICT).
  const conflicting = {
    ...certified,
    milestones: [
      ...certified.milestones,
      { key: "match_week" as const, status: "done" as const, date: "2027-03-15" },
      { key: "soap" as const, status: "in_progress" as const },
    ],
  };
  for (const risk of plan(conflicting, seasonCalendar(2027), new Date("2027-03-16T15:00:00Z")).risks)
    found.push({ where: `rank-list-certified-2027.json Match Week done and in SOAP ${risk.code}`, risk });
  // The OET and an undated Pathway in progress past its projected deadline, beside the chain's last
  // day (PATHWAY_DEADLINE_PROJECTED: the chain's MATCH_YEAR_LAST_DAY names the Pathway too).
  const oetLate = inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2027, graduation: "2024-11-30" }),
    milestones: [
      ...doneMilestones(DONE_BUT_OET_AND_PATHWAY),
      milestoneFactory("oet_medicine", "in_progress"),
      milestoneFactory("ecfmg_pathway", "in_progress"),
    ],
  });
  for (const risk of plan(oetLate, seasonCalendar(2027), new Date("2026-12-28T07:00:00Z")).risks)
    found.push({ where: `OET and undated Pathway in progress on 28 Dec ${risk.code}`, risk });
  // A passing score stored on an exam only scheduled (SCORE_ON_SCHEDULED_EXAM).
  const scheduled = {
    ...quiet,
    milestones: [
      ...quiet.milestones,
      { key: "usmle_step2ck" as const, status: "scheduled" as const, date: "2027-01-10", score: 235 },
    ],
  };
  for (const risk of plan(scheduled, seasonCalendar(2027), new Date("2026-12-01T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json Step 2 CK scheduled with 235 ${risk.code}`, risk });
  // The certificate done beside a failing Step 2 CK (CERTIFICATE_BESIDE_FAILING_SCORE).
  const certifiedFailing = {
    ...quiet,
    milestones: [
      ...quiet.milestones,
      { key: "usmle_step2ck" as const, status: "done" as const, date: "2026-03-10", score: 205 },
      { key: "ecfmg_certification" as const, status: "done" as const, date: "2026-05-20" },
    ],
  };
  for (const risk of plan(certifiedFailing, seasonCalendar(2027), new Date("2026-12-01T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json certificate beside Step 2 CK 205 ${risk.code}`, risk });
  // A certificate dated before the Step 2 CK pass it needs (DONE_DATES_OUT_OF_ORDER).
  const outOfOrder = {
    ...quiet,
    milestones: [
      ...quiet.milestones,
      { key: "usmle_step2ck" as const, status: "done" as const, date: "2026-03-10", score: 240 },
      { key: "ecfmg_certification" as const, status: "done" as const, date: "2026-02-20" },
    ],
  };
  for (const risk of plan(outOfOrder, seasonCalendar(2027), new Date("2026-12-01T12:00:00Z")).risks)
    found.push({ where: `nothing-done-2027.json certificate before Step 2 CK ${risk.code}`, risk });
  const noVisa = matched2027("America/Chicago", { visa: "none" }); // its contract awaited (CONTRACT_NOT_RECEIVED)
  for (const risk of plan(noVisa, seasonCalendar(2027), new Date("2027-04-10T15:00:00Z")).risks)
    found.push({ where: `matched, visa none ${risk.code}`, risk });
  // A sponsorship done on its date, the DS-2019 past ours while the visa's date holds (VISA_STEP_LATE).
  const ds2019Awaited = matched2027("Asia/Kolkata", {
    extra: [
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-01"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
    ],
  });
  for (const risk of plan(ds2019Awaited, seasonCalendar(2027), new Date("2027-05-18T08:00:00Z")).risks)
    found.push({ where: `matched, DS-2019 awaited ${risk.code}`, risk });
  // The J-1 interview booked after the visa's date, before the start's last week (VISA_INTERVIEW_AFTER_VISA_DATE).
  const bookedAfter = matched2027("Africa/Lagos", {
    extra: [
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-01"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
      milestoneFactory("j1_ds2019", "done", "2027-05-10"),
      milestoneFactory("visa_j1", "scheduled", "2027-06-21"),
    ],
  });
  for (const risk of plan(bookedAfter, seasonCalendar(2027), new Date("2027-05-20T08:00:00Z")).risks)
    found.push({ where: `matched, J-1 interview after the visa's date ${risk.code}`, risk });
  return found;
}

/** A URL, a bare web address, or a basis label in parentheses: provenance that belongs in sources. */
const PROVENANCE = /https?:|www\.|\.(gov|org|com|edu)\b|\((advice|secondary|official|same \w+ page)\b/i;
/** What a Risk.sources entry is: an official page, a labelled secondary page, advice, a projection or target rule, a statute. */
const SOURCE = /^(https?:\/\/\S+|secondary: https?:\/\/\S+|advice: .+|projected: .+|target: .+|INA \d+.+)/;

describe("a risk's message is a plain sentence; its provenance is in sources", () => {
  const risks = everyRisk();

  it("covers every kind of risk the fixtures raise", () => {
    expect(new Set(risks.map(({ risk }) => risk.code))).toEqual(new Set(RISK_CODES));
  });

  it("no message carries a URL, a web address or a parenthesised basis label", () => {
    const offending = risks.filter(({ risk }) => PROVENANCE.test(risk.message)).map(({ where }) => where);
    expect(offending).toEqual([]);
  });

  it("every source reads on its own and is listed once", () => {
    for (const { where, risk } of risks) {
      for (const source of risk.sources ?? []) expect(source, where).toMatch(SOURCE);
      expect(new Set(risk.sources).size, where).toBe(risk.sources?.length ?? 0);
    }
  });

  it("a risk resting on an authority's page or on advice names it in sources", () => {
    const sourcesOf = (code: Risk["code"]) =>
      risks.filter(({ risk }) => risk.code === code).flatMap(({ risk }) => risk.sources ?? []);
    expect(sourcesOf("EXAMS_LATE_FOR_RANKING")).toContain(
      "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/",
    );
    expect(sourcesOf("STEP3_NEEDED_FOR_H1B").join(" ")).toContain(
      "https://residency.dom.pitt.edu/visa-guidelines/",
    );
    expect(sourcesOf("STEP3_NEEDED_FOR_H1B").join(" ")).toContain("http://www.ecfmg.org/evsp/index.html");
    expect(sourcesOf("SCHOOL_NOT_ECFMG_ELIGIBLE")).toContain(
      "https://www.ecfmg.org/resources/medical-school-policy.html",
    );
    expect(sourcesOf("CERTIFICATION_AFTER_START").join(" ")).toMatch(/advice: ECFMG verifies the diploma/);
    expect(sourcesOf("H1B_PROCLAMATION_FEE").join(" ")).toMatch(/^secondary: https:\/\//);
    for (const { where, risk } of risks.filter(({ risk }) => /\(projected\)/.test(risk.message)))
      expect(
        risk.sources?.some((source) => source.startsWith("projected: ")),
        where,
      ).toBe(true);
  });
});
