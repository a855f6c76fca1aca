import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { readSnapshot } from "./fixture-snapshots.ts";

/**
 * What the visa asks in SOAP and after the Match. An H-1B applicant in Auckland, unmatched and in
 * SOAP on Match Week's Tuesday, was told to send 45 applications to unfilled programs without a word
 * on sponsorship, though a SOAP offer accepted binds as a match does: one from a program that will
 * not sponsor the visa is a position the applicant cannot start. An H-1B applicant in Houston,
 * matched, was never told of the state training licence the H-1B petition needs.
 */
const DIR = fileURLToPath(new URL("../../fixtures/visa-after-match-words/", import.meta.url));
const IN_SOAP = readSnapshot(DIR, "soap-auckland-h1b.json");
const MATCHED = readSnapshot(DIR, "matched-houston-h1b.json");
const NO_LIST = readSnapshot(DIR, "soap-no-list-manila-j1.json");
const SOAP_TUESDAY = "2027-03-16T07:30:00+13:00";
const AFTER_MATCH = "2027-03-22T09:00:00-05:00";

const withVisa = (snapshot: ApplicantSnapshot, visa: ApplicantSnapshot["applicant"]["visa"]) => ({
  ...snapshot,
  applicant: { ...snapshot.applicant, visa },
});
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const card = (planned: Plan, key: string): NextStep | undefined =>
  planned.nextSteps.find((step) => step.milestone === key);

describe("SOAP for an applicant who needs a visa: apply only where it is sponsored", () => {
  it("H-1B abroad, in SOAP: the card says to apply only to programs that sponsor the H-1B (or the J-1), and why", () => {
    const soap = card(planAt(IN_SOAP, SOAP_TUESDAY), "soap");
    expect(soap?.action).toContain(
      "You need a visa to train: send your SOAP applications only to unfilled programs that sponsor the H-1B, or the J-1 through ECFMG if you would take it instead",
    );
    expect(soap?.action).toContain("a SOAP offer you accept binds you as a match does");
  });

  it("J-1 in Manila, the rank-list deadline missed that morning, SOAP still open: the card keeps the visa words", () => {
    // SOAP-only from then on: the binding offer is what the words are for.
    const soap = card(planAt(NO_LIST, "2027-02-25T13:00:00+08:00"), "soap");
    expect(soap?.action).toContain("R3");
    expect(soap?.action).toContain(
      "send your SOAP applications only to unfilled programs that take J-1 physicians, whose visa ECFMG sponsors",
    );
  });

  it("J-1: only programs that take J-1 physicians; undecided: a visa they can get; no visa needed: no such words", () => {
    expect(card(planAt(withVisa(IN_SOAP, "J-1"), SOAP_TUESDAY), "soap")?.action).toContain(
      "send your SOAP applications only to unfilled programs that take J-1 physicians, whose visa ECFMG sponsors",
    );
    expect(card(planAt(withVisa(IN_SOAP, "undecided"), SOAP_TUESDAY), "soap")?.action).toContain(
      "If you need a visa to train, send your SOAP applications only to unfilled programs that sponsor a visa you can get",
    );
    expect(card(planAt(withVisa(IN_SOAP, "none"), SOAP_TUESDAY), "soap")?.action).not.toMatch(/sponsor/);
  });
});

describe("the H-1B's state training licence, named where the matched applicant acts", () => {
  it("H-1B matched, contract not signed: the contract card asks the GME office about the state's training licence", () => {
    const contract = card(planAt(MATCHED, AFTER_MATCH), "contract");
    expect(contract?.action).toContain(
      "The H-1B needs a licence or other authorisation to practise in the state where you train",
    );
    expect(contract?.action).toContain(
      "ask its GME office which training licence or permit the state's medical board requires",
    );
  });

  it("on the J-1 track the contract card says nothing of it", () => {
    const contract = card(planAt(withVisa(MATCHED, "J-1"), AFTER_MATCH), "contract");
    expect(contract?.action).toContain("Read the contract your program sends");
    expect(contract?.action).not.toContain("training licence");
  });
});
