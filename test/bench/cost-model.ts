import { LAMBDA_GB, PRICES } from "./prices.ts";
import type { SeasonReport } from "./support/memory-season.ts";

/**
 * Prices one simulated season three ways from the same counts, per 1,000 applicants, at list
 * price with no free tier:
 *
 * - **matchpath** (DESIGN decision 3): what the run actually did: one schedule per applicant,
 *   everything due sent as one email per wake-up.
 * - **schedule-per-reminder**: one one-time schedule per reminder. Every reminder fires on its own,
 *   so each sent reminder is a Scheduler invocation, a reminder invocation and an email (no
 *   batching); per invocation it does the work one matchpath wake-up does (DynamoDB units and
 *   Lambda time per wake-up scaled by reminders/wake-ups). Intake and planning cost the same.
 * - **step-functions-standard**: one Standard execution per applicant with Wait states. Lean
 *   model: 3 transitions per wake-up (Wait, send Task, Choice), and each planner run stops the
 *   execution and starts a new one (3 setup transitions). Lambda, DynamoDB, events and email as
 *   matchpath; no Scheduler.
 *
 * Lambda time is the measured compute per invocation plus an assumed 10 ms per AWS request (an
 * in-region SDK round trip; the in-memory run has no network), billed at 256 MB arm64.
 */

export const REQUEST_LATENCY_MS = 10;

export interface CostLine {
  service: string;
  quantity: number;
  unit: string;
  usd: number;
}

export interface DesignCost {
  design: "matchpath" | "schedule-per-reminder" | "step-functions-standard";
  lines: CostLine[];
  totalUsd: number;
  withoutSesUsd: number;
}

function requestsOf(report: SeasonReport, scope: string): number {
  return report.tallies
    .filter((t) => t.service.startsWith(`${scope}:`))
    .reduce((sum, t) => sum + t.requests, 0);
}

function unitsOf(report: SeasonReport, scope?: string): { wcu: number; rcu: number } {
  return report.tallies
    .filter((t) => t.service.endsWith(":dynamodb") || t.service === "dynamodb")
    .filter((t) => scope === undefined || t.service.startsWith(`${scope}:`))
    .reduce((sum, t) => ({ wcu: sum.wcu + t.wcu, rcu: sum.rcu + t.rcu }), { wcu: 0, rcu: 0 });
}

function gbSeconds(computeMs: number, requests: number): number {
  return ((computeMs + requests * REQUEST_LATENCY_MS) / 1000) * LAMBDA_GB;
}

function design(name: DesignCost["design"], lines: CostLine[], scale: number): DesignCost {
  const scaled = lines.map((line) => ({ ...line, quantity: line.quantity * scale, usd: line.usd * scale }));
  const totalUsd = scaled.reduce((sum, line) => sum + line.usd, 0);
  const sesUsd = scaled.filter((line) => line.service === "SES").reduce((sum, line) => sum + line.usd, 0);
  return { design: name, lines: scaled, totalUsd, withoutSesUsd: totalUsd - sesUsd };
}

export function seasonCosts(report: SeasonReport): DesignCost[] {
  const scale = 1000 / report.applicants;
  const emails = report.totals.emails;
  const reminders = report.totals.remindersSent;
  const invocations = report.intakes + report.plannerRuns + report.wakeUps;
  const lambdaGbS =
    gbSeconds(report.computeMs.intake, requestsOf(report, "http-api")) +
    gbSeconds(report.computeMs.planner, requestsOf(report, "planner")) +
    gbSeconds(report.computeMs.reminder, requestsOf(report, "reminder"));
  const all = unitsOf(report);
  const line = (service: string, quantity: number, unit: string, price: number): CostLine => ({
    service,
    quantity,
    unit,
    usd: quantity * price,
  });
  const shared = [
    line("API Gateway HTTP API", report.intakes, "requests", PRICES.httpApiRequest.usd),
    line("EventBridge events", report.eventEntries, "events", PRICES.eventBridgeEvent.usd),
  ];

  const matchpath = design(
    "matchpath",
    [
      line("Lambda requests", invocations, "invocations", PRICES.lambdaRequest.usd),
      line("Lambda duration", lambdaGbS, "GB-s", PRICES.lambdaArmGbSecond.usd),
      line("DynamoDB writes", all.wcu, "WRU", PRICES.dynamoWru.usd),
      line("DynamoDB reads", all.rcu, "RRU", PRICES.dynamoRru.usd),
      line(
        "EventBridge Scheduler",
        report.schedulerInvocations,
        "invocations",
        PRICES.schedulerInvocation.usd,
      ),
      ...shared,
      line("SES", emails, "emails", PRICES.sesEmail.usd),
    ],
    scale,
  );

  const perWakeUp = report.wakeUps === 0 ? 0 : reminders / report.wakeUps;
  const reminderUnits = unitsOf(report, "reminder");
  const reminderGbS = gbSeconds(report.computeMs.reminder, requestsOf(report, "reminder"));
  const perReminder = design(
    "schedule-per-reminder",
    [
      line(
        "Lambda requests",
        report.intakes + report.plannerRuns + reminders,
        "invocations",
        PRICES.lambdaRequest.usd,
      ),
      line(
        "Lambda duration",
        lambdaGbS - reminderGbS + reminderGbS * perWakeUp,
        "GB-s",
        PRICES.lambdaArmGbSecond.usd,
      ),
      line(
        "DynamoDB writes",
        all.wcu - reminderUnits.wcu + reminderUnits.wcu * perWakeUp,
        "WRU",
        PRICES.dynamoWru.usd,
      ),
      line(
        "DynamoDB reads",
        all.rcu - reminderUnits.rcu + reminderUnits.rcu * perWakeUp,
        "RRU",
        PRICES.dynamoRru.usd,
      ),
      line("EventBridge Scheduler", reminders, "invocations", PRICES.schedulerInvocation.usd),
      line("API Gateway HTTP API", report.intakes, "requests", PRICES.httpApiRequest.usd),
      line(
        "EventBridge events",
        report.eventEntries - emails + reminders,
        "events",
        PRICES.eventBridgeEvent.usd,
      ),
      line("SES", reminders, "emails", PRICES.sesEmail.usd),
    ],
    scale,
  );

  const transitions = 3 * report.wakeUps + 3 * report.plannerRuns + 3 * report.applicants;
  const stepFunctions = design(
    "step-functions-standard",
    [
      line("Step Functions transitions", transitions, "transitions", PRICES.stepFunctionsTransition.usd),
      line("Lambda requests", invocations, "invocations", PRICES.lambdaRequest.usd),
      line("Lambda duration", lambdaGbS, "GB-s", PRICES.lambdaArmGbSecond.usd),
      line("DynamoDB writes", all.wcu, "WRU", PRICES.dynamoWru.usd),
      line("DynamoDB reads", all.rcu, "RRU", PRICES.dynamoRru.usd),
      ...shared,
      line("SES", emails, "emails", PRICES.sesEmail.usd),
    ],
    scale,
  );
  return [matchpath, perReminder, stepFunctions];
}
