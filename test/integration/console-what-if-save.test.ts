import { beforeAll, describe, expect, it } from "vitest";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, DANIEL, HELEN, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * Saving a what-if, every kind the page offers: a milestone, an interview added or
 * moved, the visa track, the Match year. Each is saved as one milestone.update through the intake
 * use case, idempotent on the preview's save id and audited as the advisor's; a preview writes
 * nothing, and a save racing an erase leaves nothing.
 */
async function applicantOf(advisorEmail: string): Promise<TestApplicant> {
  const applicant = step2Applicant();
  applicant.snapshot.applicant.advisorEmail = advisorEmail;
  expect((await postWebhook(applicant.snapshot)).status).toBe(202);
  return applicant;
}

/** A hidden input's value as the browser would post it (the page escapes it as HTML). */
function hiddenValue(body: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  if (!match?.[1]) throw new Error(`no hidden ${name} in the what-if's difference`);
  return match[1]
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

const auditsOf = async (applicantId: string, action: string) =>
  (await itemsMentioning(applicantId)).filter(
    (item) => String(item.sk).startsWith("AUDIT#") && item.action === action,
  );

describe("saving a what-if on the local stack", () => {
  let helen: string;
  let daniel: string;
  let target: TestApplicant;

  async function preview(form: Record<string, string>, applicant = target) {
    const shown = await consoleRequest(`/console/applicants/${applicant.applicantId}/what-if`, {
      token: helen,
      form,
    });
    expect(shown.status).toBe(200);
    expect(shown.body).toContain("Save as a milestone.update");
    return {
      changes: hiddenValue(shown.body, "changes"),
      saveId: hiddenValue(shown.body, "saveId"),
      basedOn: hiddenValue(shown.body, "basedOn"),
    };
  }

  const save = (
    form: { changes: string; saveId: string; basedOn?: string },
    token = helen,
    applicant = target,
  ) => consoleRequest(`/console/applicants/${applicant.applicantId}/what-if/save`, { token, form });

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    [helen, daniel] = await Promise.all([signIn(HELEN), signIn(DANIEL)]);
    target = await applicantOf(HELEN);
    await drainStream();
  });

  it("writes nothing for a preview of any kind", async () => {
    await drainStream();
    const before = await itemsMentioning(target.applicantId);
    const forms: Record<string, string>[] = [
      { kind: "milestone", key: "usmle_step2ck", status: "scheduled", date: "2026-09-30" },
      { kind: "interview", program: "Mercy IM", startsAt: "2026-11-02T14:00:00-05:00" },
      { kind: "visa", visa: "H-1B" },
      { kind: "matchYear", matchYear: "2028" },
    ];
    for (const form of forms) await preview(form);
    await drainStream();
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
  });

  it("saves an interview alone, once however often the same preview is saved, audited as the advisor's", async () => {
    const form = await preview({
      kind: "interview",
      program: "Mercy Hospital Internal Medicine",
      startsAt: "2026-11-02T14:00:00-05:00",
    });
    const saved = await save(form);
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("Saved the what-if");
    const again = await save(form);
    expect(again.status).toBe(200);
    expect(again.body).toContain("saved already");
    const interviews = (await applicantState(target.applicantId))?.interviews ?? [];
    expect(interviews.map((interview) => interview.program)).toEqual(["Mercy Hospital Internal Medicine"]);
    const audits = await auditsOf(target.applicantId, "what-if.save");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor).toBe(HELEN);
    const records = (await itemsMentioning(form.saveId)).filter((item) =>
      String(item.pk).startsWith("SUBMISSION#console#"),
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.type).toBe("milestone.update");
  });

  it("moves that interview (same id, new start) without adding one", async () => {
    const [stored] = (await applicantState(target.applicantId))?.interviews ?? [];
    expect(stored?.id).toBeDefined();
    const form = await preview({
      kind: "interview",
      interviewId: stored?.id ?? "",
      program: "Mercy Hospital Internal Medicine",
      startsAt: "2026-11-09T09:00:00-05:00",
    });
    expect((await save(form)).status).toBe(200);
    const interviews = (await applicantState(target.applicantId))?.interviews ?? [];
    expect(interviews).toHaveLength(1);
    expect(interviews[0]?.id).toBe(stored?.id);
    expect(Date.parse(interviews[0]?.startsAt ?? "")).toBe(Date.parse("2026-11-09T14:00:00Z"));
  });

  it("switches the visa track and the Match year; the planner re-plans on the new track", async () => {
    const onJ1 = await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen });
    // The Step 3 step on the timeline, as the advisor's console names it (next or blocked).
    const step3 = /<strong>USMLE Step 3<\/strong>|<li>USMLE Step 3: waiting for/;
    expect(onJ1.body).not.toMatch(step3);
    expect((await save(await preview({ kind: "visa", visa: "H-1B" }))).status).toBe(200);
    expect((await save(await preview({ kind: "matchYear", matchYear: "2028" }))).status).toBe(200);
    await drainStream();
    const state = await applicantState(target.applicantId);
    expect(state?.profile.visa).toBe("H-1B");
    expect(state?.profile.matchYear).toBe(2028);
    // The rest of the profile is untouched.
    expect(state?.profile.fullName).toBe("Priya Raman");
    expect(state?.profile.advisorEmail).toBe(HELEN);
    const tracks = (await auditsOf(target.applicantId, "what-if.save")).map(
      (item) => (item.before as { track?: unknown }).track,
    );
    expect(tracks).toContainEqual({ visa: "J-1", matchYear: 2027 });
    expect(tracks).toContainEqual({ visa: "H-1B", matchYear: 2027 });
    const page = await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen });
    expect(page.body).toMatch(step3);
  });

  it("refuses (409 naming basedOn) a preview whose record changed before the save, and writes nothing of it", async () => {
    const form = await preview({
      kind: "milestone",
      key: "usmle_step2ck",
      status: "scheduled",
      date: "2026-10-20",
    });
    // Meanwhile the applicant's form says Step 2 CK was sat and passed.
    const update = {
      type: "milestone.update",
      submissionId: `upd-${target.applicantId}`,
      applicant: { externalId: target.snapshot.applicant.externalId },
      milestones: [{ key: "usmle_step2ck", status: "done", date: "2026-05-28" }],
    };
    expect((await postWebhook(update)).status).toBe(202);
    await drainStream();
    const refused = await save(form);
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body).errors[0].path).toBe("basedOn");
    const step2 = (await applicantState(target.applicantId))?.milestones.find(
      (milestone) => milestone.key === "usmle_step2ck",
    );
    expect(step2).toMatchObject({ status: "done", date: "2026-05-28" });
    expect(await itemsMentioning(form.saveId)).toEqual([]);
    // The what-if run again on what is stored now saves.
    const again = await preview({
      kind: "interview",
      program: "Lakeside Internal Medicine",
      startsAt: "2026-11-16T14:00:00-05:00",
    });
    expect((await save(again)).status).toBe(200);
  });

  it("keeps a preview savable while only time passes and reminders go out", async () => {
    const visa = (await applicantState(target.applicantId))?.profile.visa === "H-1B" ? "J-1" : "H-1B";
    const form = await preview({ kind: "visa", visa });
    await clockTo("2026-06-20T00:00:00Z");
    await drainStream();
    expect((await save(form)).status).toBe(200);
  });

  it("refuses another advisor's save (403) and writes nothing", async () => {
    const form = await preview({ kind: "visa", visa: "none" });
    const before = await itemsMentioning(target.applicantId);
    expect((await save(form, daniel)).status).toBe(403);
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
    expect(await itemsMentioning(form.saveId)).toEqual([]);
  });

  it("answers 400 naming saveId when the save id is not one a preview made", async () => {
    const form = await preview({ kind: "visa", visa: "none" });
    const refused = await save({ changes: form.changes, saveId: "console-what-if-x" });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).errors[0].path).toBe("saveId");
  });

  it("a save of a preview made before the applicant was erased writes nothing", async () => {
    const erasedMeanwhile = await applicantOf(HELEN);
    await drainStream();
    const form = await preview({ kind: "visa", visa: "H-1B" }, erasedMeanwhile);
    const erased = await consoleRequest(`/console/applicants/${erasedMeanwhile.applicantId}/erase`, {
      token: helen,
      form: { confirm: "erase", fullName: "Priya Raman" },
    });
    expect(erased.status).toBe(200);
    expect((await save(form, helen, erasedMeanwhile)).status).toBe(403);
    await drainStream();
    const left = (await itemsMentioning(erasedMeanwhile.applicantId)).filter(
      (item) => item.pk !== "AUDIT#erasure",
    );
    expect(left).toEqual([]);
  });
});
