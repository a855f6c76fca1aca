import { describe, expect, it } from "vitest";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { ADMIN, consoleRequest, signIn } from "./support/console.ts";
import {
  advanceClock,
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
  uniqueSuffix,
} from "./support/local-stack.ts";

/**
 * Escalation on the local stack: the planner Lambda, fed by the real stream,
 * emails a consenting applicant's advisor through the SES emulator, once per critical risk.
 */
async function applicantWithSchoolNotListed(advisorEmail: string, consent: boolean): Promise<TestApplicant> {
  const applicant = step2Applicant();
  applicant.snapshot.applicant.advisorEmail = advisorEmail;
  applicant.snapshot.applicant.medicalSchool.wdomsSponsorNote = false;
  // No record that contradicts the missing note (an approved application, a pass or a booked Step
  // is asked about instead): the application under way, neither Step booked.
  applicant.snapshot.milestones = applicant.snapshot.milestones.map((entry) =>
    entry.key === "ecfmg_application"
      ? { key: entry.key, status: "in_progress" as const }
      : entry.key === "usmle_step1" || entry.key === "usmle_step2ck"
        ? { key: entry.key, status: "not_started" as const }
        : entry,
  );
  if (consent) applicant.snapshot.applicant.escalateToAdvisor = true;
  expect((await postWebhook(applicant.snapshot)).status).toBe(202);
  return applicant;
}

describe("escalation to the advisor on the local stack", () => {
  it("emails a consenting applicant's advisor once per critical risk, and never a non-consenting one's", async () => {
    await clockTo("2026-06-01T00:00:00Z");
    const consentingAdvisor = `advisor.${uniqueSuffix()}@advisors.example`;
    const otherAdvisor = `advisor.${uniqueSuffix()}@advisors.example`;
    const consenting = await applicantWithSchoolNotListed(consentingAdvisor, true);
    await applicantWithSchoolNotListed(otherAdvisor, false);
    await drainStream();

    const [email, ...more] = await emailsTo(consentingAdvisor);
    expect(more).toEqual([]);
    expect(email?.subject).toBe(
      "Matchpath: Priya Raman needs attention: Medical school not eligible for ECFMG certification",
    );
    expect(email?.body.text).toContain(`/console#/applicants/${consenting.applicantId}`);
    expect(email?.body.text).not.toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
    // The risk as a plain sentence; its source URL apart, after it.
    // Priya paid the ECFMG application and Step 1 fees: the sentence names them, no refund promised.
    expect(email?.body.text).toMatch(
      /plan tells them now: “[^”]*re-check WDOMS\. Pay no further fee until then\. You have already paid [^”]*Matchpath knows of no refund\.[^”]*”/,
    );
    expect(email?.body.text).toContain("Sources: https://www.ecfmg.org/resources/medical-school-policy.html");
    expect(await emailsTo(otherAdvisor)).toEqual([]);
    const ledger = (await applicantState(consenting.applicantId))?.ledger ?? [];
    expect(ledger.filter((entry) => entry.reminderId.startsWith("escalation:"))).toEqual([
      expect.objectContaining({
        reminderId: "escalation:2027:risk:SCHOOL_NOT_ECFMG_ELIGIBLE",
        status: "sent",
        messageId: email?.messageId,
        // SES's Delivery event carries the applicantId tag, so the advisor's email is traced to this ledger.
        delivery: "delivered",
      }),
    ]);

    // The applicant's notice ledger shows it as the advisor's escalation, never as a reminder of theirs.
    const page = await consoleRequest(`/console/applicants/${consenting.applicantId}`, {
      token: await signIn(ADMIN),
    });
    const row = page.body.split("<tr>").find((cells) => cells.includes(email?.messageId ?? "no message"));
    expect(row).toContain(`escalation to the advisor ${consentingAdvisor}: risk SCHOOL_NOT_ECFMG_ELIGIBLE`);
    expect(row).toMatch(/^<td>delivered<\/td><td>sent .* → delivered /);
    // The Risks panel: the sentence, then its source in a collapsed "Sources".
    const risks = page.body.slice(page.body.indexOf('id="risks"'), page.body.indexOf("<h2>Budget</h2>"));
    expect(risks).toMatch(
      /re-check WDOMS\. Pay no further fee until then\. You have already paid [^<]*Matchpath knows of no refund\.[^<”]*”<\/span><details class="sources"><summary>Sources<\/summary><ul><li>https:\/\/www\.ecfmg\.org\/resources\/medical-school-policy\.html<\/li>/,
    );
    expect(row).not.toContain("reminder(s)");

    // Re-plans (a new snapshot, the clock moving on) keep the risk and send nothing more.
    consenting.snapshot.submissionId = `${consenting.snapshot.submissionId}-again`;
    consenting.snapshot.applicant.programsPlanned = 60;
    expect((await postWebhook(consenting.snapshot)).status).toBe(202);
    await drainStream();
    await advanceClock("P3D");
    await drainStream();
    expect(await emailsTo(consentingAdvisor)).toHaveLength(1);
    expect(await emailsTo(otherAdvisor)).toEqual([]);
  });
});
