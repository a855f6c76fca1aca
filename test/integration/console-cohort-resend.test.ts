import { beforeAll, describe, expect, it } from "vitest";
import { STEP2_FIRST_REMINDER_AT, step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, emailsTo, postWebhook } from "./support/local-stack.ts";

/**
 * The cohort's "last email" kept the email before a console resend until
 * the next re-plan (the row is stored with the plan, and a resend writes no plan), so a bounced
 * resend would have stayed hidden behind "delivered". The resend now writes the row's last email,
 * and SES's report on it reaches the row as a reminder's does.
 */
describe("the cohort's last email after a console resend", () => {
  let helen: string;
  let target: TestApplicant;

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    helen = await signIn(HELEN);
    target = step2Applicant();
    target.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
  });

  it("names the resend and its outcome, on the page and in the CSV", async () => {
    await clockTo(new Date(Date.parse(STEP2_FIRST_REMINDER_AT) + 60_000).toISOString());
    expect(await emailsTo(target.email)).toHaveLength(1);
    await drainStream();
    const csvLine = async () =>
      (await consoleRequest("/console/cohort.csv", { token: helen })).body
        .split("\n")
        .find((line) => line.includes(target.applicantId)) ?? "";
    const original = ((await applicantState(target.applicantId))?.ledger ?? []).find(
      (entry) => entry.messageId !== undefined,
    );
    expect(await csvLine()).toContain(original?.sentAt ?? "?");

    await clockTo("2026-08-06T10:00:00.000Z");
    const resend = await consoleRequest(`/console/applicants/${target.applicantId}/resend`, {
      token: helen,
      form: {},
    });
    expect(resend.status).toBe(200);
    const resent = ((await applicantState(target.applicantId))?.ledger ?? []).find((entry) =>
      entry.reminderId.startsWith("resend:"),
    );
    expect(resent).toMatchObject({ status: "sent", delivery: "delivered" });

    const line = await csvLine();
    expect(line).toContain(resent?.sentAt ?? "?");
    expect(line).not.toContain(original?.sentAt ?? "?");
    expect(line).toContain("delivered");
  });
});
