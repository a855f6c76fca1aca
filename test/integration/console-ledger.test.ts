import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import {
  milestoneUpdate,
  STEP2_FIRST_REMINDER_AT,
  step2Applicant,
  type TestApplicant,
} from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, emailsTo, postWebhook } from "./support/local-stack.ts";

/**
 * The notice ledger an advisor reads: every
 * sender's email gets its SES outcome at its own time locally (a console resend included), each
 * row names what was sent, a save id reused with other changes is a 409 naming saveId, and pausing
 * twice records nothing.
 */
const hidden = (body: string, name: string) =>
  (new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? "")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

const rowOf = (page: string, messageId: string) =>
  page.split("<tr>").find((row) => row.includes(`>${messageId}<`)) ?? "";

const client = new DynamoDBClient({
  endpoint: inject("dynamodbEndpoint"),
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
afterAll(() => client.destroy());
const suppression = new DynamoSuppressionList(
  new DynamoTable({ client: DynamoDBDocumentClient.from(client), tableName: inject("tableName") }),
);

describe("the console's notice ledger and actions on the local stack", () => {
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

  it("a resend gets its delivered outcome at once, at its own time, and each row names its step", async () => {
    await clockTo(new Date(Date.parse(STEP2_FIRST_REMINDER_AT) + 60_000).toISOString());
    expect(await emailsTo(target.email)).toHaveLength(1);
    const resentAt = "2026-08-06T10:00:00.000Z";
    await clockTo(resentAt);

    const resend = await consoleRequest(`/console/applicants/${target.applicantId}/resend`, {
      token: helen,
      form: {},
    });
    expect(resend.status).toBe(200);
    // One reminder in words, never "(1 reminder(s))".
    expect(resend.body).toContain("Resent the latest notice (1 reminder).");
    // No clock move, no wake-up: the console's own send was followed by its feedback.
    const ledger = (await applicantState(target.applicantId))?.ledger ?? [];
    const resent = ledger.find((entry) => entry.reminderId.startsWith("resend:"));
    expect(resent).toMatchObject({ status: "sent", delivery: "delivered" });
    // Stamped by the local clock (which runs on from resentAt) just after the send, not at a later wake-up.
    const late = Date.parse(resent?.deliveryAt ?? "") - Date.parse(resentAt);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    expect(Date.parse(resent?.deliveryAt ?? "")).toBeGreaterThanOrEqual(Date.parse(resent?.sentAt ?? ""));
    const original = ledger.find((entry) => !entry.reminderId.startsWith("resend:"));
    expect(original?.delivery).toBe("delivered");

    const page = (await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).body;
    const originalRow = rowOf(page, original?.messageId ?? "?");
    expect(originalRow).toMatch(/<td>sent .* → delivered /);
    expect(originalRow).toContain("Step 2");
    expect(originalRow).not.toContain("reminder(s)");
    const resentRow = rowOf(page, resent?.messageId ?? "?");
    expect(resentRow).toContain("resent by the advisor: ");
    expect(resentRow).toContain("Step 2");
  });

  it("a sent reminder's row still names its step and rung once the step is done", async () => {
    const before = (await applicantState(target.applicantId))?.ledger ?? [];
    const original = before.find((entry) => !entry.reminderId.startsWith("resend:"));
    // Stored on the item with the sent mark, not looked up in the plan.
    expect(original?.subject).toMatchObject({
      milestone: "usmle_step2ck",
      title: expect.stringContaining("Step 2"),
    });

    // The exam moved to 5 Aug and was sat (the applicant's form says so): a pass is never dated
    // before the booked day, so the new day is recorded before Mark done.
    const moved = milestoneUpdate(target, [
      { key: "usmle_step2ck", status: "scheduled", date: "2026-08-05" },
    ]);
    expect((await postWebhook(moved)).status).toBe(202);
    await drainStream();
    const mark = await consoleRequest(`/console/applicants/${target.applicantId}/milestones/usmle_step2ck`, {
      token: helen,
      form: { date: "2026-08-05" },
    });
    expect(mark.status).toBe(200);
    await drainStream();
    const page = (await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).body;
    const row = rowOf(page, original?.messageId ?? "?");
    // In the advisor's words (advisor-voice.ts), not the applicant's "Pass USMLE Step 2 CK (your date)".
    expect(row).toContain(`to the applicant: USMLE Step 2 CK (${original?.subject?.rung})`);
    expect(row).not.toMatch(/\byour\b/i);
    expect(row).not.toContain("no longer planned");
  });

  it("pausing twice (or resuming while not paused) changes and records nothing, and says so", async () => {
    const act = (action: "pause" | "resume") =>
      consoleRequest(`/console/applicants/${target.applicantId}/${action}`, { token: helen, form: {} });
    const audits = async (action: string) =>
      (await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).body.split(
        `<td>${action}</td>`,
      ).length - 1;

    const notPaused = await act("resume");
    expect(notPaused.status).toBe(200);
    expect(notPaused.body).toContain("Reminders were not paused: nothing changed or recorded.");
    expect(await audits("reminders.resume")).toBe(0);

    // A first pause and a first resume say what happened too.
    const paused = await act("pause");
    expect(paused.status).toBe(200);
    expect(paused.body).toContain("Paused reminders, recorded as yours");
    const pausedAt = (await applicantState(target.applicantId))?.profile.remindersPausedAt;
    expect(pausedAt).toBeDefined();
    const again = await act("pause");
    expect(again.body).toContain("Reminders were already paused: nothing changed or recorded.");
    expect(await audits("reminders.pause")).toBe(1);
    expect((await applicantState(target.applicantId))?.profile.remindersPausedAt).toBe(pausedAt);
    const resumed = await act("resume");
    expect(resumed.status).toBe(200);
    expect(resumed.body).toContain("Resumed reminders, recorded as yours");
    expect(await audits("reminders.resume")).toBe(1);
  });

  it("answers 409 naming saveId when a save id is reused with other changes, and saves nothing of them", async () => {
    const shown = await consoleRequest(`/console/applicants/${target.applicantId}/what-if`, {
      token: helen,
      form: { kind: "visa", visa: "H-1B" },
    });
    const saveId = hidden(shown.body, "saveId");
    const save = (changes: string) =>
      consoleRequest(`/console/applicants/${target.applicantId}/what-if/save`, {
        token: helen,
        form: { changes, saveId },
      });
    expect((await save(hidden(shown.body, "changes"))).status).toBe(200);
    expect((await save(hidden(shown.body, "changes"))).body).toContain("saved already");

    const other = await save(JSON.stringify([{ kind: "matchYear", matchYear: 2028 }]));
    expect(other.status).toBe(409);
    expect(other.contentType).toContain("application/problem+json");
    expect((JSON.parse(other.body) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "saveId",
    ]);
    const profile = (await applicantState(target.applicantId))?.profile;
    expect(profile).toMatchObject({ visa: "H-1B", matchYear: target.snapshot.applicant.matchYear });
  });

  it("mark done without a date says which date it recorded; a date given twice is a 400 naming date", async () => {
    const base = `/console/applicants/${target.applicantId}/milestones/research`;
    const twice = await consoleRequest(base, {
      token: helen,
      form: new URLSearchParams([
        ["date", "2026-08-01"],
        ["date", "2026-08-02"],
      ]),
    });
    expect(twice.status).toBe(400);
    expect(twice.contentType).toContain("application/problem+json");
    expect((JSON.parse(twice.body) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "date",
    ]);
    expect(
      (await applicantState(target.applicantId))?.milestones.find((m) => m.key === "research")?.status,
    ).not.toBe("done");

    const undated = await consoleRequest(base, { token: helen, form: {} });
    expect(undated.status).toBe(200);
    const recorded = (await applicantState(target.applicantId))?.milestones.find((m) => m.key === "research");
    expect(recorded).toMatchObject({ status: "done", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(undated.body).toContain(
      `done on ${recorded?.date} (no date was given: the applicant&#39;s today in their time zone)`,
    );
  });

  // A bounced address showed only in the cohort column and a cancelled
  // ledger row; the reminders ahead read plain "scheduled" and the page did not warn.
  it("warns that an applicant whose address bounced cannot be reached, and marks the reminders ahead held", async () => {
    const bounced = step2Applicant();
    bounced.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(bounced.snapshot)).status).toBe(202);
    await drainStream();
    await suppression.suppress(bounced.email.toUpperCase(), "bounce", new Date("2026-08-06T03:31:00Z"));

    const page = (await consoleRequest(`/console/applicants/${bounced.applicantId}`, { token: helen })).body;
    const warning = /<p class="notice unreachable" role="note">(.*?)<\/p>/s.exec(page)?.[1] ?? "";
    expect(warning).toContain("Matchpath cannot reach this applicant:");
    expect(warning).toContain(`email to ${bounced.email} bounced`);
    expect(warning).toContain('datetime="2026-08-06T03:31:00.000Z"');
    expect(warning).toContain("Ask them for a new address.");
    const scheduled = page.split("<tr>").filter((row) => row.startsWith("<td>scheduled</td>"));
    expect(scheduled.length).toBeGreaterThan(0);
    for (const row of scheduled) expect(row).toContain("held: the address bounced (suppressed)");
  });
});
