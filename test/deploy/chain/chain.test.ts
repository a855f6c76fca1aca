import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_ADDRESSES } from "#local/ses-feedback.ts";
import { stageConfig, synthesize } from "../../infra/synth.ts";
import { STEP2_FIRST_REMINDER_AT, step2Applicant } from "../../integration/support/applicants.ts";
import { type Deployment, deploy } from "../support/deployment.ts";

/**
 * The deploy-shaped test: the bundles `cdk synth` produced (esbuild, as `cdk deploy` uploads them),
 * each run with the environment from the synthesized template, against DynamoDB Local and the
 * stand-ins for Scheduler, SES v2, EventBridge and SSM that refuse what the API references refuse,
 * every call checked against the calling function's IAM statements from the template. The whole
 * chain: intake → stream → planner → schedule fired as Scheduler fires it → email → SES event →
 * suppression → sweep. `npm run test:deploy` runs it on the assembly of a real `cdk synth`
 * (MATCHPATH_DEPLOY_ASSEMBLY); `npm test` synthesizes the prod stage in process, bundles included.
 */

function assembly(): { dir: string; stack: string } {
  const given = process.env.MATCHPATH_DEPLOY_ASSEMBLY;
  if (given) return { dir: given, stack: process.env.MATCHPATH_DEPLOY_STACK ?? "Matchpath-prod" };
  process.env.CDK_OUTDIR = mkdtempSync(join(tmpdir(), "matchpath-deploy-"));
  const { assembly: synthesized } = synthesize([stageConfig("prod", { manageEmailIdentity: true })], {
    bundle: true,
  });
  return { dir: synthesized.directory, stack: "Matchpath-prod" };
}

const HOUR = 3_600_000;
let deployment: Deployment;

beforeAll(async () => {
  const { dir, stack } = assembly();
  // Four weeks before the first Step 2 CK reminder (09:00 IST on 6 August 2026).
  deployment = await deploy({ assemblyDir: dir, stackName: stack, start: "2026-07-09T00:00:00.000Z" });
}, 240_000);

afterAll(async () => {
  await deployment?.stop();
});

describe("the synthesized stack, deployed on stand-ins", () => {
  it("runs intake → stream → planner → schedule → email → SES event → suppression → sweep with no IAM denial and no API-limit violation", async () => {
    const d = deployment;
    // Intake: two applicants; the second's address bounces (SES mailbox simulator).
    const asha = step2Applicant();
    const bouncing = step2Applicant();
    bouncing.snapshot.applicant.email = SIMULATOR_ADDRESSES.bounce;
    for (const applicant of [asha, bouncing]) {
      const reply = await d.postWebhook(applicant.snapshot);
      expect(reply).toMatchObject({ statusCode: 202 });
    }

    // Stream → planner: one pending wake-up each, at the first reminder's instant, in the group.
    await d.drainStream();
    const pending = () => [...d.scheduler.schedules.values()];
    expect(pending()).toHaveLength(2);
    for (const schedule of pending()) {
      expect(schedule.targetArn).toBe(d.functions.reminder?.arn);
      expect(JSON.parse(schedule.input)).toMatchObject({
        plannedFor: `${STEP2_FIRST_REMINDER_AT.slice(0, 19)}Z`,
      });
    }

    // Scheduler fires at the minute: the reminder sends one email each and re-arms the next rung.
    d.moveTo(Date.parse(STEP2_FIRST_REMINDER_AT) + 20_000);
    const fired = await d.fireDue();
    expect(fired.map(({ invocation }) => invocation.ok)).toEqual([true, true]);
    expect(d.ses.sent.map((email) => email.to[0]).sort()).toEqual(
      [asha.email, SIMULATOR_ADDRESSES.bounce].sort(),
    );
    const toAsha = d.ses.sent.find((email) => email.to[0] === asha.email);
    expect(toAsha?.headers.map((header) => header.name)).toEqual(
      expect.arrayContaining(["List-Unsubscribe", "List-Unsubscribe-Post"]),
    );
    expect(pending()).toHaveLength(2);
    expect(d.events.events.map((event) => event.detailType)).toEqual(
      expect.arrayContaining(["PlanChanged", "ReminderSent"]),
    );

    // SES event → ses-events: the bounced address is suppressed and announced.
    expect(await d.deliverSesEvents()).toBe(1);
    expect(d.events.events.map((event) => event.detailType)).toContain("EmailSuppressed");

    // The next rung: Asha gets it, the suppressed address does not.
    const before = d.ses.sent.length;
    const next = Math.min(...pending().map((schedule) => schedule.at));
    d.moveTo(next + 20_000);
    await d.fireDue();
    expect(d.ses.sent.slice(before).map((email) => email.to[0])).toEqual([asha.email]);

    // A lost wake-up (deleted behind the stack's back) is re-armed by the daily sweep.
    const ashaSchedule = pending().find((schedule) => schedule.input.includes(asha.applicantId));
    if (!ashaSchedule) throw new Error("Asha has no wake-up");
    d.scheduler.schedules.delete(`${ashaSchedule.group}/${ashaSchedule.name}`);
    d.moveTo(ashaSchedule.at + 6 * HOUR);
    const swept = await d.sweep();
    expect(swept.ok).toBe(true);
    expect(pending().some((schedule) => schedule.input.includes(asha.applicantId))).toBe(true);

    // Nothing refused: no IAM denial, no API-limit violation, no failed invocation.
    expect(
      d.front.denials.map((call) => `${call.caller} ${call.denied?.action} ${call.denied?.resource}`),
    ).toEqual([]);
    expect(d.violations.list).toEqual([]);
    expect(d.failures).toEqual([]);
    // Every function ran, and each one's calls went through its own role.
    const callers = new Set(d.front.calls.map((call) => call.caller));
    for (const fn of Object.values(d.functions)) expect(callers).toContain(fn.name);
    const made = new Set(
      d.front.calls.map((call) => `${call.caller.replace(/^.*-(\w+?)Function.*$/, "$1")} ${call.operation}`),
    );
    for (const expected of [
      "HttpApi GetParameter",
      "HttpApi TransactWriteItems",
      "Planner CreateSchedule",
      "Planner PutEvents",
      "Reminder GetParameter",
      "Reminder SendEmail",
      "Reminder CreateSchedule",
      "SesEvents PutEvents",
      "Sweeper Query",
      "Sweeper CreateSchedule",
    ])
      expect(made).toContain(expected);
    // Nothing personal in the logs: no address, no name.
    const logs = Object.values(d.runtimes).flatMap((runtime) => runtime.logs);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.filter((line) => line.includes(asha.email) || line.includes("Priya"))).toEqual([]);
  });
});
