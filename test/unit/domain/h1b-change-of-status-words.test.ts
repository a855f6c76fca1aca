import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A change of status grants H-1B status in the US, not a visa: the visa stamp comes only from a
 * consulate abroad. An applicant in the US whose program confirmed a change of status (the stamping
 * "Not for me") with the petition behind was told "Without your H-1B visa you cannot start", in a
 * notice titled "you cannot start residency without the visa". On that route every text says status;
 * the consular route (the route not answered, or abroad) keeps "visa".
 * Fixtures: the 2027 Match, matched in Chicago, the petition in progress since 15 Apr 2027 (planned
 * for Fri 16 Apr 2027, the consular route's day), the stamping waived on 18 Apr 2027 or not answered; planned on 10 Jun 2027.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-proclamation-in-us/", import.meta.url));
const CHANGE_OF_STATUS = readSnapshot(DIR, "chicago-petition-pending-change-of-status.json");
const UNANSWERED = readSnapshot(DIR, "chicago-petition-pending-route-unanswered.json");
const ABROAD = readSnapshot(DIR, "manila-petition-pending.json");
const NOW = "2027-06-10T12:00:00-05:00";

const behind = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const notice = (result: Plan) =>
  result.reminders.find((reminder) => reminder.risk === "VISA_NOT_READY_FOR_START");
const petitionChase = (result: Plan) =>
  result.reminders.filter(
    (reminder) =>
      reminder.milestone === "visa_h1b" && reminder.overdueSince !== undefined && reminder.risk === undefined,
  );
/** Every text the applicant reads about the petition behind: the risk, its notice, the chase, the step's date. */
function textsOf(result: Plan): string[] {
  const petition = result.overdue.find((step) => step.milestone === "visa_h1b");
  return [
    behind(result)?.message ?? "(no risk)",
    notice(result)?.title ?? "(no notice)",
    ...petitionChase(result).map((reminder) => reminder.why),
    petition?.deadline.source ?? "(no petition date)",
  ];
}

describe("the change-of-status route says H-1B status, never a visa", () => {
  const result = planInOwnMatch(CHANGE_OF_STATUS, NOW);

  it("the petition behind: the risk, its notice and the chase say status", () => {
    expect(behind(result)?.message).toContain(
      "Without your H-1B status you cannot start: your program's petition asks USCIS for a change of status, which must be approved first.",
    );
    expect(notice(result)?.title).toBe(
      "Your H-1B steps are behind: you cannot start residency without your change of status",
    );
    expect(petitionChase(result).length).toBeGreaterThan(0);
    for (const reminder of petitionChase(result))
      expect(reminder.why).toContain("your change of status must be approved before residency starts");
    for (const text of textsOf(result)) {
      expect(text).not.toMatch(/\bvisa\b(?! processes)/i);
      expect(text).not.toContain("visa interview");
    }
  });

  it("the advisor's console line promises no visa either", () => {
    const risk = behind(result);
    if (risk === undefined) throw new Error("no VISA_NOT_READY_FOR_START");
    const said = riskForAdvisor(risk, { fullName: "Grace Okafor", matchYear: 2027, visa: "H-1B" });
    expect(said).toMatch(
      /^Grace Okafor matched, but visa steps are past their dates; without them Grace Okafor cannot start residency\./,
    );
    expect(said).not.toContain("without the visa");
  });

  it("the petition filed (in progress, on Thu 15 Apr), its approval still awaited past the last day premium processing could bring it before the start, is overdue since that day, and its source says what that day is", () => {
    const petition = result.overdue.find((step) => step.milestone === "visa_h1b");
    expect(petition?.deadline.local).toBe("Tue 8 Jun 2027");
    expect(petition?.deadline.source).toContain(
      "The last day on which premium processing's 15 business days, asked for then, still brought USCIS's approval of your change of status before residency starts",
    );
  });

  it("in the US, the route not answered: status or visa, the stamping only on consular processing", () => {
    const unanswered = planInOwnMatch(UNANSWERED, NOW);
    expect(behind(unanswered)?.message).toContain(
      "Without your H-1B status (change of status) or visa you cannot start.",
    );
    expect(notice(unanswered)?.title).toBe(
      "Your H-1B steps are behind: you cannot start residency without your H-1B status (change of status) or visa",
    );
  });

  it.each([["abroad", ABROAD]])("%s: the consular route keeps the visa", (_case, snapshot) => {
    const consular = planInOwnMatch(snapshot, NOW);
    expect(behind(consular)?.message).toContain("Without your H-1B visa you cannot start.");
    // Not reported filed by 10 Jun, past its last filing day: the notice says that day has passed (no
    // "visa" to wrongly promise), and the chase gives the filed-today verdict: the visa it would bring.
    expect(notice(consular)?.title).toBe(
      "The last day for your program to file your H-1B petition for your start has passed: talk to its GME office today",
    );
    for (const reminder of petitionChase(consular))
      expect(reminder.why).toMatch(
        /your visa (must be ready before|would come around .*, after) residency starts/,
      );
    // Overdue since its last filing day for the start, whose rule names the visa that day kept.
    const petition = consular.overdue.find((step) => step.milestone === "visa_h1b");
    expect(petition?.deadline.source).toContain("your visa would come after residency starts");
  });
});
