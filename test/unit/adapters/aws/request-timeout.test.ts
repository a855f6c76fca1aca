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

  it("lets the reminder give its claims back and arm its retry when SES never answers", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory());
    const wakeUps = new InMemoryWakeUps();
    const deps = {
      ...storePorts(store),
      wakeUps,
      events: new InMemoryEvents(),
      mailer: new SesMailer(createSesClient(settingsAt({ ses: endpoint }), "reminder"), {
        from: "Matchpath <reminders@example.org>",
      }),
      clock: new FixedClock(new Date("2026-09-17T08:00:00Z")),
      planning: new FakePlanning({ eras_application: [reminderFactory()] }),
      unsubscribeUrl: async (applicantId: string) =>
        `https://api.example.org/unsubscribe?token=t-${applicantId}`,
      random: () => 0.5,
    };
    const started = Date.now();
    const result = await sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps);
    expect(Date.now() - started).toBeLessThan(longestRequestMs(clientTiming("reminder", "ses")) + SLACK_MS);
    // The timeout is a send a retry may fix (SesMailer's TransientError): nothing sent, nothing left
    // claimed, a retry armed, and the outcome logged as the function's own.
    expect(result).toMatchObject({ outcome: "retry-armed", reminderIds: [] });
    expect(store.state("a_ada").ledger).toEqual([]);
    expect(wakeUps.log).toEqual([`arm a_ada ${result.nextWakeUpAt}`]);
  }, 30_000);
});
