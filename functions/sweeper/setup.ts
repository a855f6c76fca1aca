import type { Context } from "aws-lambda";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { clockFor } from "#adapters/clock.ts";
import { DynamoAdvisorDigests } from "#adapters/dynamodb/advisor-digests.ts";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoConsoleStore } from "#adapters/dynamodb/console-store.ts";
import { DynamoPlanRepository } from "#adapters/dynamodb/plan-repository.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoSweepIndex } from "#adapters/dynamodb/sweep-index.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { EventBridgePublisher } from "#adapters/eventbridge/eventbridge-publisher.ts";
import { wakeUpSchedulerFor } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { consoleApplicantUrl, escalationFor, type SesLoader } from "#adapters/ses/escalation-for.ts";
import { loadSweeperConfig } from "#config/sweeper.ts";
import { currentCalendarVersions } from "#domain/seasons/version.ts";
import { TransientError } from "#errors";
import { createLogger } from "#observability/logger.ts";
import { type AdvisorDigestDeps, sendAdvisorDigests } from "#usecases/advisor-digest.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { logRejectedEscalations } from "#usecases/escalation-send.ts";
import { type SweepReport, sweep } from "#usecases/sweep.ts";
import { parseSweeperJob } from "./scheduled-event.ts";

/**
 * The sweeper function's composition root, run once per cold start: its configuration from the
 * environment, its AWS clients from `clients` (only those it uses; the benchmarks pass counting ones), and the
 * handler over them. handler.ts is the Lambda entry that calls it. SES, used only for advisor
 * escalations, comes as a loader (`escalationSes`) resolved on the first escalation sent.
 */
export function setupSweeper(
  clients: Pick<AwsClientFactory, "documents" | "eventBridge" | "scheduler"> & { escalationSes: SesLoader },
) {
  const config = loadSweeperConfig();
  const logger = createLogger("sweeper");
  const documents = clients.documents(config, "sweeper");
  const table = new DynamoTable({ client: documents, tableName: config.tableName });
  const applicants = new DynamoApplicantRepository(table);
  const plans = new DynamoPlanRepository(table);
  const escalation = escalationFor(
    config,
    "sweeper",
    { ledger: new DynamoReminderLedger(table), suppression: new DynamoSuppressionList(table) },
    clients.escalationSes,
  );
  const deps = {
    applicants,
    plans,
    index: new DynamoSweepIndex({ client: documents, tableName: config.tableName }),
    wakeUps: wakeUpSchedulerFor(config, documents, "planner", clients, "sweeper"),
    // The bus only: the events' copies in the applicant's partition ride in the plan's own write.
    events: new EventBridgePublisher(clients.eventBridge(config, "sweeper"), config.eventBusName),
    clock: clockFor(config.clock),
    planning: domainPlanning,
    ...(escalation ? { escalation: { ...escalation, onRejected: logRejectedEscalations(logger) } } : {}),
    calendarVersions: currentCalendarVersions,
  };

  const publicBaseUrl = config.escalation?.publicBaseUrl;
  const digest: AdvisorDigestDeps | undefined =
    escalation && publicBaseUrl !== undefined && config.digestAdvisors.length > 0
      ? {
          cohort: new DynamoConsoleStore({
            client: documents,
            tableName: config.tableName,
          }),
          applicants,
          digests: new DynamoAdvisorDigests(table),
          mailer: escalation.mailer,
          suppression: new DynamoSuppressionList(table),
          planning: domainPlanning,
          consoleUrl: (applicantId) =>
            applicantId === undefined
              ? `${publicBaseUrl}/console`
              : consoleApplicantUrl(publicBaseUrl, applicantId),
        }
      : undefined;

  /** Leaves time to save the walk's cursor and return before Lambda's timeout. */
  const RESERVE_MS = 60_000;

  async function runSweep(scheduledAt: Date, context: Context): Promise<SweepReport> {
    const report = await sweep(deps, {
      graceMs: config.graceMs,
      budget: {
        maxApplicants: config.maxApplicants,
        timeLeftMs: () => context.getRemainingTimeInMillis(),
        reserveMs: RESERVE_MS,
      },
    });
    logger.info("sweep done", { scheduledAt: scheduledAt.toISOString(), ...report });
    const failures = report.late.failed.length + report.calendar.failed.length;
    // Fail the invocation so the error alarm sees it and EventBridge's async retry runs the (idempotent) sweep again.
    if (failures > 0) throw new TransientError(`${failures} applicant(s) could not be re-planned`);
    return report;
  }

  async function runDigests(scheduledAt: Date) {
    // No advisor opted in (DIGEST_ADVISORS empty): the schedule may exist, nothing is sent.
    if (digest === undefined) return { results: [], failed: 0, errors: [] };
    const report = await sendAdvisorDigests(config.digestAdvisors, scheduledAt, digest);
    logger.info("advisor digests done", { scheduledAt: scheduledAt.toISOString(), ...report });
    // Failed digests gave their day back: Scheduler's retry makes only those (the others are done).
    if (report.failed > 0) throw new TransientError(`${report.failed} advisor digest(s) could not be sent`);
    return report;
  }

  return async function handler(event: unknown, context: Context) {
    logger.addContext(context);
    const job = parseSweeperJob(event);
    return job.kind === "advisor-digest" ? runDigests(job.scheduledAt) : runSweep(job.scheduledAt, context);
  };
}
