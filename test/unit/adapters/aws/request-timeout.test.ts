import { createServer, type Server, type Socket } from "node:net";
import { PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { CreateScheduleCommand } from "@aws-sdk/client-scheduler";
import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsClientSettings, MatchpathFunction } from "#adapters/aws-clients.ts";
import { clientTiming, type TimedClient } from "#adapters/client-timing.ts";
import { createEventBridgeClient } from "#adapters/eventbridge/eventbridge-client.ts";
import { longestRequestMs } from "#adapters/request-timing.ts";
import { createSchedulerClient } from "#adapters/scheduler/scheduler-client.ts";
import { createSesClient } from "#adapters/ses/ses-client.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import type { Risk } from "#domain/plan.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "../../usecases/fakes.ts";

/** Timers fire a little late on a loaded machine; the promise is the bound, not the slack. */
const SLACK_MS = 500;

/** Each client's one request, sent to `endpoint` as `fn` builds it. */
const SEND: Record<TimedClient, (endpoint: string, fn: MatchpathFunction) => Promise<unknown>> = {
  ses: (endpoint, fn) =>
    createSesClient(settingsAt({ ses: endpoint }), fn).send(
      new SendEmailCommand({
        FromEmailAddress: "reminders@example.org",
        Destination: { ToAddresses: ["ada@example.com"] },
        Content: { Simple: { Subject: { Data: "s" }, Body: { Text: { Data: "t" } } } },
      }),
    ),
  scheduler: (endpoint, fn) =>
    createSchedulerClient(settingsAt({ scheduler: endpoint }), fn).send(
      new CreateScheduleCommand({
        Name: "w-a_ada-20260917T080000",
        ScheduleExpression: "at(2026-09-17T08:00:00)",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: { Arn: "arn:aws:lambda:us-east-1:1:function:r", RoleArn: "arn:aws:iam::1:role/r" },
      }),
    ),
  eventBridge: (endpoint, fn) =>
    createEventBridgeClient(settingsAt({ eventbridge: endpoint }), fn).send(
      new PutEventsCommand({ Entries: [{ Source: "matchpath", DetailType: "PlanChanged", Detail: "{}" }] }),
    ),
};

function settingsAt(endpoints: AwsClientSettings["endpoints"]): AwsClientSettings {
  return { region: "us-east-1", endpoints };
}

/**
 * A service that accepts the connection and never answers held the request until the function's
 * own timeout: the reminder never released its claims nor armed its retry, the planner never
 * answered its partial batch response, and nothing was logged but Lambda's timeout. Each client
 * now gives up within the worst case its timing promises (longestRequestMs), which its function's
 * Lambda timeout leaves room for (test/infra/request-timing.test.ts).
 */
describe("the SES, Scheduler and EventBridge clients against a service that never answers", () => {
  let server: Server;
  let endpoint: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // One request per client and per timing: a person waits on http-api's SES, nobody on the rest.
  it.concurrent.each([
    ["ses", "http-api"],
    ["ses", "reminder"],
    ["scheduler", "planner"],
    ["eventBridge", "ses-events"],
  ] as [TimedClient, MatchpathFunction][])(
    "fails a %s request of the %s function within the worst case its timing promises",
    async (client, fn) => {
      const started = Date.now();
      const error = await SEND[client](endpoint, fn).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toMatchObject({ name: "TimeoutError" });
      expect(Date.now() - started).toBeLessThan(longestRequestMs(clientTiming(fn, client)) + SLACK_MS);
    },
    30_000,
  );

  /** The reminder's wake-up with its SES mailer on the hung endpoint; `escalating`: a critical risk its advisor has not heard of. */
  function reminderWakeUp(escalating: boolean) {
    const store = new InMemoryApplicantStore();
    store.add(
      profileFactory(escalating ? { advisorEmail: "grace@advisors.example", escalateToAdvisor: true } : {}),
    );
    const mailer = new SesMailer(createSesClient(settingsAt({ ses: endpoint }), "reminder"), {
      from: "Matchpath <reminders@example.org>",
    });
    const planning = new FakePlanning({ eras_application: [reminderFactory()] });
    const critical: Risk = {
      code: "ERAS_LATE_SUBMISSION",
      severity: "critical",
      message: "Submit ERAS now.",
      milestones: ["eras_application"],
    };
    const plan = planning.plan.bind(planning);
    if (escalating) planning.plan = (state, now) => ({ ...plan(state, now), risks: [critical] });
    const wakeUps = new InMemoryWakeUps();
    const deps = {
      ...storePorts(store),
      wakeUps,
      events: new InMemoryEvents(),
      mailer,
      clock: new FixedClock(new Date("2026-09-17T08:00:00Z")),
      planning,
      unsubscribeUrl: async (applicantId: string) =>
        `https://api.example.org/unsubscribe?token=t-${applicantId}`,
      random: () => 0.5,
      ...(escalating
        ? {
            escalation: {
              ledger: store,
              suppression: store,
              mailer,
              consoleUrl: (applicantId: string) => `https://mp.example/console#/applicants/${applicantId}`,
            },
          }
        : {}),
    };
    return { store, wakeUps, run: () => sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps) };
  }

  // The timeout is a send a retry may fix (SesMailer's TransientError): nothing sent, the claims
  // given back, a retry armed, and the outcome logged as the function's own ("wake-up handled").
  it.concurrent.each([
    ["the applicant's email", false, 1],
    ["the advisor's escalation, then the applicant's email", true, 2],
  ] as const)(
    "lets the reminder give its claims back and arm its retry when SES never answers %s",
    async (_sends, escalating, sends) => {
      const { store, wakeUps, run } = reminderWakeUp(escalating);
      const started = Date.now();
      const result = await run();
      expect(Date.now() - started).toBeLessThan(
        sends * longestRequestMs(clientTiming("reminder", "ses")) + SLACK_MS,
      );
      expect(result).toMatchObject({ outcome: "retry-armed", reminderIds: [] });
      expect(
        store.state("a_ada").ledger.filter((entry) => !entry.reminderId.startsWith("escalation:")),
      ).toEqual([]);
      expect(wakeUps.log).toEqual([`arm a_ada ${result.nextWakeUpAt}`]);
      if (escalating)
        // The advisor's claim is kept: its timer sends it once the claim is stale.
        expect(store.state("a_ada").ledger).toContainEqual(expect.objectContaining({ status: "claimed" }));
    },
    40_000,
  );
});
