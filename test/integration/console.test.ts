import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { ADMIN, consoleRequest, DANIEL, HELEN, signIn } from "./support/console.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  header,
  itemsMentioning,
  postWebhook,
  scanTable,
} from "./support/local-stack.ts";

async function applicantOf(
  advisorEmail: string,
  overrides: { examDate?: string } = {},
): Promise<TestApplicant> {
  const applicant = step2Applicant(overrides);
  applicant.snapshot.applicant.advisorEmail = advisorEmail;
  expect((await postWebhook(applicant.snapshot)).status).toBe(202);
  return applicant;
}

const PROTECTED_ROUTES = [
  ["GET", "/console/cohort"],
  ["GET", "/console/cohort.csv"],
  ["GET", "/console/applicants/a_x"],
  ["GET", "/console/applicants/a_x/what-if"],
  ["POST", "/console/applicants/a_x/what-if"],
  ["POST", "/console/applicants/a_x/what-if/save"],
  ["POST", "/console/applicants/a_x/pause"],
  ["POST", "/console/applicants/a_x/resume"],
  ["POST", "/console/applicants/a_x/resend"],
  ["POST", "/console/applicants/a_x/milestones/usmle_step2ck"],
  ["GET", "/console/applicants/a_x/erase"],
  ["POST", "/console/applicants/a_x/erase"],
] as const;

describe("advisor's console on the local stack", () => {
  let helen: string;
  let daniel: string;
  let admin: string;
  let helens: TestApplicant;
  let daniels: TestApplicant;

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    [helen, daniel, admin] = await Promise.all([signIn(HELEN), signIn(DANIEL), signIn(ADMIN)]);
    helens = await applicantOf(HELEN);
    daniels = await applicantOf(DANIEL);
    await drainStream();
  });

  it.each(PROTECTED_ROUTES)("answers 401 to %s %s without a valid token", async (method, path) => {
    const none = await consoleRequest(path, { method });
    expect(none.status).toBe(401);
    expect(none.contentType).toContain("application/problem+json");
    const garbage = await consoleRequest(path, { method, token: "not.a.jwt" });
    expect(garbage.status).toBe(401);
  });

  it("refuses a well-formed token signed by a key the issuer never published (401)", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const console = inject("console");
    const forged = await new SignJWT({ email: ADMIN, "cognito:groups": ["admin"], token_use: "id" })
      .setProtectedHeader({ alg: "RS256", kid: "forged" })
      .setIssuer(console.issuer)
      .setAudience(console.clientId)
      .setSubject("forged")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await consoleRequest("/console/cohort", { token: forged })).status).toBe(401);
  });

  it("serves the shell without a token (it holds no data: sign-in starts there)", async () => {
    const shell = await consoleRequest("/console");
    expect(shell.status).toBe(200);
    expect(shell.body).toContain(inject("console").issuer);
  });

  it("shows an advisor only their applicants, and an admin everyone", async () => {
    const mine = await consoleRequest("/console/cohort", { token: helen });
    expect(mine.status).toBe(200);
    expect(mine.body).toContain(`#/applicants/${helens.applicantId}`);
    expect(mine.body).not.toContain(daniels.applicantId);
    const all = await consoleRequest("/console/cohort", { token: admin });
    expect(all.body).toContain(helens.applicantId);
    expect(all.body).toContain(daniels.applicantId);
  });

  it("says so when asked for a cohort page past the last, and shows the last", async () => {
    const beyond = await consoleRequest("/console/cohort?page=2", { token: helen });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatch(
      /There is no page 2: \d+ applicants? match(es)?, on 1 page\. Showing page 1, the last\./,
    );
    expect(beyond.body).toContain(`#/applicants/${helens.applicantId}`);
  });

  it("answers 403 when an advisor opens, tries or acts on another advisor's applicant", async () => {
    const theirs = `/console/applicants/${daniels.applicantId}`;
    expect((await consoleRequest(theirs, { token: helen })).status).toBe(403);
    expect((await consoleRequest(`${theirs}/what-if`, { token: helen })).status).toBe(403);
    expect((await consoleRequest(`${theirs}/pause`, { token: helen, form: {} })).status).toBe(403);
    expect(
      (
        await consoleRequest(`${theirs}/erase`, {
          token: helen,
          form: { confirm: "erase", fullName: "Priya Raman" },
        })
      ).status,
    ).toBe(403);
    expect((await applicantState(daniels.applicantId))?.profile.remindersPausedAt).toBeUndefined();
    expect((await consoleRequest(theirs, { token: daniel })).status).toBe(200);
  });

  it("lists on the applicant's page the domain events their plan published (a bounded copy kept in the table)", async () => {
    const page = await consoleRequest(`/console/applicants/${helens.applicantId}`, { token: helen });
    expect(page.status).toBe(200);
    const events = page.body.slice(page.body.indexOf('id="events"'), page.body.indexOf('id="audit"'));
    expect(events).toContain("<td>PlanChanged</td>");
    expect(events).toContain("planHash");
    // Kept in the applicant's partition with a TTL, so an erase removes them and they expire.
    const kept = (await itemsMentioning(helens.applicantId)).filter((item) =>
      String(item.sk).startsWith("EVENT#"),
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((item) => typeof item.expiresAt === "number")).toBe(true);
  });

  it("exports the visible cohort as CSV", async () => {
    const csv = await consoleRequest("/console/cohort.csv", { token: helen });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    const [header, ...lines] = csv.body.trim().split("\r\n");
    expect(header).toContain("applicantId,fullName,email,advisorEmail");
    expect(lines.some((line) => line.startsWith(`${helens.applicantId},`))).toBe(true);
    expect(lines.some((line) => line.includes(daniels.applicantId))).toBe(false);
  });

  it("runs a what-if without writing anything to the table", async () => {
    const before = await scanTable();
    const result = await consoleRequest(`/console/applicants/${helens.applicantId}/what-if`, {
      token: helen,
      form: { kind: "milestone", key: "usmle_step2ck", status: "scheduled", date: "2026-09-30" },
    });
    expect(result.status).toBe(200);
    expect(result.body).toContain("USMLE Step 2 CK");
    expect(result.body).toContain("Save as a milestone.update");
    const visa = await consoleRequest(`/console/applicants/${helens.applicantId}/what-if`, {
      token: helen,
      form: { kind: "visa", visa: "H-1B" },
    });
    expect(visa.status).toBe(200);
    // Step 3 joins the road blocked: "new step, blocked" in the steps table, "now blocked" in the
    // Blocked list below it, from one source.
    expect(visa.body).toContain("now blocked: USMLE Step 3");
    expect(visa.body).toMatch(
      /<td>USMLE Step 3<\/td><td><span class="muted">nothing to do<\/span><\/td><td><span class="warning">new step, blocked: needs /,
    );
    expect(visa.body).not.toContain("<h3>Blocked and overdue</h3><p>No change.</p>");
    await drainStream();
    expect(await scanTable()).toEqual(before);
  });

  it("names the wrong field of a bad what-if (RFC 9457)", async () => {
    const bad = await consoleRequest(`/console/applicants/${helens.applicantId}/what-if`, {
      token: helen,
      form: { kind: "milestone", key: "usmle_step9", status: "scheduled" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).errors[0].path).toBe("0.key");
  });

  it("pauses reminders (audited) so the next clock move sends nothing, and resumes them", async () => {
    const paused = await consoleRequest(`/console/applicants/${helens.applicantId}/pause`, {
      token: helen,
      form: {},
    });
    expect(paused.status).toBe(200);
    expect(paused.body).toContain("Resume reminders");
    expect(paused.body).toContain("reminders.pause");
    await drainStream();
    expect((await applicantState(helens.applicantId))?.profile.remindersPausedAt).toBeDefined();
    // Step 2 CK on 20 Aug: the 14-day reminder falls due on 6 Aug.
    await clockTo("2026-08-07T00:00:00Z");
    expect(await emailsTo(helens.email)).toHaveLength(0);
    const resumed = await consoleRequest(`/console/applicants/${helens.applicantId}/resume`, {
      token: helen,
      form: {},
    });
    expect(resumed.body).toContain("Pause reminders");
    await drainStream();
    await clockTo("2026-08-18T00:00:00Z");
    expect((await emailsTo(helens.email)).length).toBeGreaterThan(0);
  });

  it("resends the latest notice once through the reminders' path (audited), and refuses while reminders are paused", async () => {
    const resend = () =>
      consoleRequest(`/console/applicants/${helens.applicantId}/resend`, { token: helen, form: {} });
    const before = await emailsTo(helens.email);
    const latest = before.at(-1);
    expect(latest).toBeDefined();

    const first = await resend();
    expect(first.status).toBe(200);
    expect(first.body).toContain("Resent the latest notice");
    expect(first.body).toContain("notice.resend");
    const after = await emailsTo(helens.email);
    expect(after).toHaveLength(before.length + 1);
    const again = after.at(-1);
    // The reminders' own message: same subject, one-click unsubscribe (RFC 8058), signed links.
    expect(again?.subject).toBe(latest?.subject);
    expect(header(again as NonNullable<typeof again>, "List-Unsubscribe-Post")).toBe(
      "List-Unsubscribe=One-Click",
    );
    expect(again?.body.text).toContain("/unsubscribe");

    // Acting twice sends once.
    const second = await resend();
    expect(second.body).toContain("resent already");
    expect(await emailsTo(helens.email)).toHaveLength(before.length + 1);
    expect(
      (await applicantState(helens.applicantId))?.ledger.filter((entry) =>
        entry.reminderId.startsWith("resend:"),
      ),
    ).toEqual([expect.objectContaining({ status: "sent" })]);

    // Another advisor cannot, and a paused applicant is not resent anything.
    expect(
      (await consoleRequest(`/console/applicants/${helens.applicantId}/resend`, { token: daniel, form: {} }))
        .status,
    ).toBe(403);
    await consoleRequest(`/console/applicants/${helens.applicantId}/pause`, { token: helen, form: {} });
    const whilePaused = await consoleRequest(`/console/applicants/${helens.applicantId}/resend`, {
      token: admin,
      form: {},
    });
    expect(whilePaused.body).toContain("Not resent: reminders are paused");
    expect(await emailsTo(helens.email)).toHaveLength(before.length + 1);
    await consoleRequest(`/console/applicants/${helens.applicantId}/resume`, { token: helen, form: {} });
    await drainStream();
  });

  it("marks a step done on the applicant's behalf, recorded as the advisor's", async () => {
    // The exam day (20 Aug, 17:30 in Kolkata): a pass is never dated before it.
    await clockTo("2026-08-20T12:00:00Z");
    const marked = await consoleRequest(
      `/console/applicants/${helens.applicantId}/milestones/usmle_step2ck`,
      {
        token: helen,
        form: { date: "2026-08-20" },
      },
    );
    expect(marked.status).toBe(200);
    const state = await applicantState(helens.applicantId);
    expect(state?.milestones.find((m) => m.key === "usmle_step2ck")?.status).toBe("done");
    expect(marked.body).toContain("milestone.mark");
    expect(marked.body).toContain(HELEN);
  });

  it("erases an applicant only when confirmed twice, then leaves no item of theirs in the table", async () => {
    const target = await applicantOf(HELEN);
    await drainStream();
    expect((await itemsMentioning(target.applicantId)).length).toBeGreaterThan(0);
    const unconfirmed = await consoleRequest(`/console/applicants/${target.applicantId}/erase`, {
      token: helen,
      form: { confirm: "erase", fullName: "Someone Else" },
    });
    expect(unconfirmed.status).toBe(400);
    expect((await applicantState(target.applicantId))?.profile).toBeDefined();

    const erased = await consoleRequest(`/console/applicants/${target.applicantId}/erase`, {
      token: helen,
      form: { confirm: "erase", fullName: "Priya Raman" },
    });
    expect(erased.status).toBe(200);
    await drainStream();
    const items = await scanTable();
    const theirs = items.filter((item) => {
      const text = JSON.stringify(item);
      // Every item's content, not only its key (a digest baseline once kept the id): only the
      // erasure record below may name the applicant's pseudonymous id.
      return (
        text.includes(target.email) ||
        text.includes(target.externalId) ||
        (text.includes(target.applicantId) && item.pk !== "AUDIT#erasure")
      );
    });
    expect(theirs).toEqual([]);
    // The one record kept: who erased whom (by pseudonymous id) and when, without personal data.
    const erasure = items.filter(
      (item) => item.pk === "AUDIT#erasure" && item.applicantId === target.applicantId,
    );
    expect(erasure).toHaveLength(1);
    expect(erasure[0]?.actor).toBe(HELEN);
    // Gone: an admin is told so (404); an advisor gets the same 403 as for any id not theirs.
    expect((await consoleRequest(`/console/applicants/${target.applicantId}`, { token: admin })).status).toBe(
      404,
    );
    expect((await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).status).toBe(
      403,
    );
  });
});
