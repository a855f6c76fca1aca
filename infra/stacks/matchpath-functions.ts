import type { TableItemAction } from "../constructs/applicant-table.ts";

/**
 * The six Lambda functions as data: where each handler lives (the same modules `npm start` runs),
 * how it is sized and why, and the table actions its use cases call. The stack wires them to the
 * resources they use; nothing here depends on a resource.
 */
export interface FunctionSpec {
  /** Construct id in the stack (part of every logical id of the function, its role and log group). */
  readonly id: string;
  /** The handler module, relative to the repository root. */
  readonly entry: string;
  /** Powertools service name: the `service` key of every log line and metric. */
  readonly service: string;
  readonly description: string;
  /**
   * The Lambda timeout. Plain seconds, so the local stack gives each handler the same deadline
   * without loading the CDK.
   */
  readonly timeoutSeconds: number;
  /** MB; 256 (the construct's default) unless given. */
  readonly memorySize?: number;
  /** DynamoDB item actions, from the store adapter's calls. No function scans but the sweeper. */
  readonly tableActions: readonly TableItemAction[];
  /** Queries the due-wake-up index GSI1. */
  readonly queriesGsi1?: boolean;
  /** Queries the cohort index GSI2. */
  readonly queriesGsi2?: boolean;
  /** The prefix of this function's alarms (`<label>Errors`, `<label>Throttles`). */
  readonly alarmLabel: string;
}

/**
 * Every item action but Scan: reads and writes by key, transactions with their condition checks,
 * batched writes, never a walk of the table. The planner, the reminder and the console each need
 * all of them (the comment at each says why); only the sweeper scans.
 */
const ITEM_ACTIONS_BUT_SCAN: readonly TableItemAction[] = [
  "GetItem",
  "Query",
  "ConditionCheckItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchWriteItem",
];

export const FUNCTIONS = {
  // 10 s: webhook senders wait about that long for an answer; an intake is one transaction plus a
  // cached SSM read, well under a second even on a cold start, so 10 s leaves room for SDK retries.
  // 512 MB: the only function a person or a form provider waits on, so it gets the faster CPU.
  httpApi: {
    id: "HttpApiFunction",
    entry: "functions/http-api/handler.ts",
    service: "http-api",
    description:
      "Matchpath HTTP API: health, signed intake webhooks, the applicant's timeline, actions, preferences, calendar and one-click unsubscribe",
    timeoutSeconds: 10,
    memorySize: 512,
    // intake (transactions of profile, milestones, interviews and the idempotency record),
    // unsubscribe, and the applicant-exists check (ConditionCheckItem) every erase-safe write ends with
    tableActions: ["GetItem", "Query", "ConditionCheckItem", "PutItem", "UpdateItem", "DeleteItem"],
    alarmLabel: "HttpApi",
  },
  // 60 s: a batch of up to 10 stream records, each a read, a plan, a write, at most one Scheduler
  // call and one PutEvents; typically well under 2 s, the rest absorbs SDK retries under throttling.
  planner: {
    id: "PlannerFunction",
    entry: "functions/planner/handler.ts",
    service: "planner",
    description: "Matchpath planner: re-plans an applicant on profile, milestone and interview changes",
    timeoutSeconds: 60,
    // read the applicant, save the plan with its events' copies (a transaction ending with the
    // applicant-exists check: ConditionCheckItem; a re-plan: a conditional PutItem) and the wake-up record
    tableActions: ITEM_ACTIONS_BUT_SCAN,
    alarmLabel: "Planner",
  },
  // 30 s: one applicant per invocation (read, plan, claim, one SES send, ledger, re-arm, publish).
  // A stopped SES fails the advisor's send and the applicant's, 10.5 s each at most
  // (shared/adapters/client-timing.ts), and the retry is still armed and logged inside it.
  reminder: {
    id: "ReminderFunction",
    entry: "functions/reminder/handler.ts",
    service: "reminder",
    description: "Matchpath reminders: sends what is due for one applicant as one email and re-arms",
    timeoutSeconds: 30,
    // read, claim (conditional put), mark sent, release stale claims, ledger, re-arm; the plan with
    // its events' copies when nothing was sent (transactions ending with the applicant-exists check)
    tableActions: ITEM_ACTIONS_BUT_SCAN,
    alarmLabel: "Reminder",
  },
  // 15 s: one SES event, a lookup and one or two writes.
  sesEvents: {
    id: "SesEventsFunction",
    entry: "functions/ses-events/handler.ts",
    service: "ses-events",
    description: "Matchpath SES events: suppresses bounced and complaining addresses, records deliveries",
    timeoutSeconds: 15,
    // suppression records and ledger entries
    tableActions: ["GetItem", "Query", "ConditionCheckItem", "PutItem", "UpdateItem"],
    alarmLabel: "SesEvents",
  },
  // 5 min, 512 MB: once a day it queries every due wake-up (16 GSI shards in parallel) and re-arms
  // the missed ones, one Scheduler call each; 5 minutes covers thousands of applicants.
  sweeper: {
    id: "SweeperFunction",
    entry: "functions/sweeper/handler.ts",
    service: "sweeper",
    description: "Matchpath daily sweep: re-arms any applicant whose wake-up is missing or late",
    timeoutSeconds: 5 * 60,
    memorySize: 512,
    // due wake-ups from GSI1, then the same writes as the planner when re-arming; Scan only while a
    // moved season date makes it walk the stored plans (bounded per run, resumed from a cursor)
    // The advisors' digest, when a stage configures it: each applicant's partition and the DIGEST#
    // day claim and baseline (a two-item transaction); the cohort index GSI2 is granted only then.
    tableActions: [
      "GetItem",
      "Query",
      "ConditionCheckItem",
      "Scan",
      "PutItem",
      "UpdateItem",
      "DeleteItem",
      "BatchWriteItem",
    ],
    queriesGsi1: true,
    alarmLabel: "Sweeper",
  },
  // 10 s, 512 MB: a person waits on every page; the cohort page of 1,000 applicants is 16 index
  // Queries and an HTML table, an erase a few batches of deletes.
  console: {
    id: "ConsoleFunction",
    entry: "functions/console/handler.ts",
    service: "console",
    description: "Matchpath advisor's console: cohort, applicant, what-if and actions, behind sign-in",
    timeoutSeconds: 10,
    memorySize: 512,
    // cohort rows (GSI2), the applicant's partition, pause/resume (profile), audit items, console
    // milestone updates (the intake transaction), erase (BatchWriteItem deletes)
    tableActions: ITEM_ACTIONS_BUT_SCAN,
    queriesGsi2: true,
    alarmLabel: "Console",
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionKey = keyof typeof FUNCTIONS;

/** The handler entries, relative to the repository root: the same modules `npm start` runs. */
export const FUNCTION_ENTRIES = Object.fromEntries(
  Object.entries(FUNCTIONS).map(([key, spec]) => [key, spec.entry]),
) as { readonly [K in FunctionKey]: (typeof FUNCTIONS)[K]["entry"] };
