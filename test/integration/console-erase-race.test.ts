import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DynamoEventLog } from "#adapters/dynamodb/event-log.ts";
import { DynamoPlanRepository } from "#adapters/dynamodb/plan-repository.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { TableWakeUpScheduler } from "#adapters/scheduler/table-wake-ups.ts";
import type { DomainEvent } from "#ports/event-publisher.ts";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import { clockTo, drainStream, itemsMentioning, postWebhook, storedPlan } from "./support/local-stack.ts";

/**
 * An erase leaves no item of the applicant, even when another writer read the applicant
 * just before the erase and writes just after its last sweep: the planner (plan, event copies, the
 * local wake-up), the reminder sender (claims, sent marks), ses-events (event copies). Each such
 * write holds only while the profile exists (a ConditionCheck in its transaction,
 * while-applicant-exists.ts). The first test plays that interleaving exactly; the second runs
 * erase, a what-if save and a re-plan at once, many times with varied offsets.
 */
const leftOf = async (applicantId: string) =>
  (await itemsMentioning(applicantId)).filter((item) => item.pk !== "AUDIT#erasure");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("erasing an applicant while others write", () => {
  let helen: string;
  let document: DynamoDBDocumentClient;
  let table: DynamoTable;

  async function applicantOfHelen(): Promise<TestApplicant> {
    const applicant = step2Applicant();
    applicant.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    return applicant;
  }

  const erase = (applicantId: string) =>
    consoleRequest(`/console/applicants/${applicantId}/erase`, {
      token: helen,
      form: { confirm: "erase", fullName: "Priya Raman" },
    });

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    helen = await signIn(HELEN);
    document = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: inject("dynamodbEndpoint"),
        region: "us-east-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    table = new DynamoTable({ client: document, tableName: inject("tableName") });
  });

  afterAll(() => document.destroy());

  it("a writer that read the applicant before the erase and writes after it leaves nothing", async () => {
    const applicant = await applicantOfHelen();
    const { applicantId } = applicant;
    const stored = await storedPlan(applicantId);
    if (!stored?.plan || !stored.summary) throw new Error("the planner stored no plan");
    const stale = { plan: stored.plan, summary: stored.summary };
    expect((await erase(applicantId)).status).toBe(200);
    expect(await leftOf(applicantId)).toEqual([]);

    const at = "2026-06-01T00:00:00.000Z";
    const planChanged: DomainEvent = {
      type: "PlanChanged",
      applicantId,
      at,
      detail: { planHash: stale.summary.planHash, nextDueAt: null, riskCodes: [] },
    };
    const plans = new DynamoPlanRepository(table);
    const ledger = new DynamoReminderLedger(table);
    const lateWrites: [string, () => Promise<unknown>][] = [
      ["plan with event copies", () => plans.savePlan(applicantId, stale.plan, stale.summary, [planChanged])],
      ["plan alone", () => plans.savePlan(applicantId, stale.plan, stale.summary)],
      [
        "one claim",
        async () =>
          expect(await ledger.claimReminders(applicantId, ["r1"], new Date(at), 60_000)).toEqual([]),
      ],
      [
        "claims in one transaction",
        async () =>
          expect(await ledger.claimReminders(applicantId, ["r1", "r2"], new Date(at), 60_000)).toEqual([]),
      ],
      ["sent mark", () => ledger.markRemindersSent(applicantId, ["r1"], "message-1", new Date(at))],
      [
        "sent mark with the plan",
        () =>
          ledger.markRemindersSent(applicantId, ["r2"], "message-2", new Date(at), {
            plan: stale.plan,
            summary: stale.summary,
            events: [planChanged],
          }),
      ],
      [
        "event copy",
        () => new DynamoEventLog({ client: document, tableName: table.name }).record([planChanged]),
      ],
      [
        "local wake-up",
        () =>
          new TableWakeUpScheduler({ client: document, tableName: table.name }).arm(
            applicantId,
            new Date(at),
          ),
      ],
    ];
    for (const [writer, write] of lateWrites) {
      await write();
      expect({ writer, left: await leftOf(applicantId) }).toEqual({ writer, left: [] });
    }
  });

  it("an erase racing a what-if track save and a re-plan leaves nothing, at every offset tried", async () => {
    // Offsets in ms of the erase after the save and the re-plan started: before, within and after
    // the save's transaction and the planner's write on the local stack.
    for (const offset of [0, 0, 2, 5, 10, 20, 40, 80]) {
      const applicant = await applicantOfHelen();
      const { applicantId } = applicant;
      const shown = await consoleRequest(`/console/applicants/${applicantId}/what-if`, {
        token: helen,
        form: { kind: "visa", visa: "H-1B" },
      });
      expect(shown.status).toBe(200);
      const hidden = (name: string) =>
        (new RegExp(`name="${name}" value="([^"]*)"`).exec(shown.body)?.[1] ?? "")
          .replaceAll("&quot;", '"')
          .replaceAll("&#39;", "'")
          .replaceAll("&lt;", "<")
          .replaceAll("&gt;", ">")
          .replaceAll("&amp;", "&");
      const form = { changes: hidden("changes"), saveId: hidden("saveId") };
      const [erased, saved] = await Promise.all([
        sleep(offset).then(() => erase(applicantId)),
        consoleRequest(`/console/applicants/${applicantId}/what-if/save`, { token: helen, form }),
        // The save's profile write reaches the planner through the stream: re-plan meanwhile.
        sleep(offset / 2).then(drainStream),
      ]);
      expect(erased.status).toBe(200);
      expect([200, 403, 404]).toContain(saved.status);
      await drainStream();
      expect({ offset, left: await leftOf(applicantId) }).toEqual({ offset, left: [] });
    }
  });
});
