import { describe, expect, it } from "vitest";
import { stageConfig, synthesize } from "../infra/synth.ts";
import { isAllowed } from "./support/iam.ts";
import { ACCOUNT, DeployedTemplate, REGION } from "./support/template.ts";

/**
 * The IAM evaluation the deploy test applies to every call, on the synthesized prod template
 * (without bundling, so it stays fast): what each function may and may not do.
 */
const { assembly } = synthesize([stageConfig("prod", { manageEmailIdentity: true })], { bundle: false });
const template = new DeployedTemplate(assembly.directory, "Matchpath-prod");
const functions = template.functions();
const fn = (prefix: string) => {
  const found = functions.find((candidate) => candidate.logicalId.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix}`);
  return found;
};
const tableArn = String(template.resolve({ "Fn::GetAtt": ["ApplicantTable", "Arn"] }));
const group = fn("PlannerFunction").environment.SCHEDULE_GROUP_NAME;
const schedulerRole = fn("PlannerFunction").environment.SCHEDULER_ROLE_ARN ?? "";

describe("IAM of the synthesized functions", () => {
  it("resolves each function's environment to concrete values", () => {
    for (const candidate of functions)
      for (const value of Object.values(candidate.environment)) expect(typeof value).toBe("string");
    expect(fn("ReminderFunction").environment.TABLE_NAME).toBe(tableArn.split("/").at(-1));
    expect(schedulerRole).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:role/`));
  });

  it.each([
    [
      "PlannerFunction",
      "scheduler:CreateSchedule",
      `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/${group}/w-a_x-20260806T033000`,
      true,
    ],
    [
      "PlannerFunction",
      "scheduler:CreateSchedule",
      `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/other/w-a_x`,
      false,
    ],
    [
      "HttpApiFunction",
      "scheduler:CreateSchedule",
      `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/${group}/w-a_x`,
      false,
    ],
    ["HttpApiFunction", "dynamodb:PutItem", tableArn, true],
    ["HttpApiFunction", "dynamodb:Scan", tableArn, false],
    ["SweeperFunction", "dynamodb:Query", `${tableArn}/index/gsi1`, true],
    ["ReminderFunction", "dynamodb:Query", `${tableArn}/index/gsi1`, false],
    // The reminder emails applicants, and advisors when a wake-up finds a deadline passed (escalation by time).
    ["ReminderFunction", "ses:SendEmail", `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`, true],
    // The planner and sweeper email advisors (escalation; the sweeper also the daily digest), from the same identity only.
    ["PlannerFunction", "ses:SendEmail", `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`, true],
    ["SweeperFunction", "ses:SendEmail", `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`, true],
    [
      "PlannerFunction",
      "ses:SendEmail",
      `arn:aws:ses:${REGION}:${ACCOUNT}:identity/other.example.org`,
      false,
    ],
    // The console resends an applicant's latest notice through the reminders' path.
    ["ConsoleFunction", "ses:SendEmail", `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`, true],
    [
      "SesEventsFunction",
      "ses:SendEmail",
      `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`,
      false,
    ],
    // The http-api sends "Email me a fresh link" (one a day per applicant), from the same identity only.
    ["HttpApiFunction", "ses:SendEmail", `arn:aws:ses:${REGION}:${ACCOUNT}:identity/mail.example.org`, true],
    [
      "HttpApiFunction",
      "ses:SendEmail",
      `arn:aws:ses:${REGION}:${ACCOUNT}:identity/other.example.org`,
      false,
    ],
  ])("%s %s on %s: allowed %s", (prefix, action, resource, expected) => {
    expect(isAllowed(fn(prefix).statements, { action, resource })).toBe(expected);
  });

  it("passes the Scheduler role only to Scheduler", () => {
    const statements = fn("ReminderFunction").statements;
    const passRole = (service: string) =>
      isAllowed(statements, {
        action: "iam:PassRole",
        resource: schedulerRole,
        context: { "iam:PassedToService": service },
      });
    expect(passRole("scheduler.amazonaws.com")).toBe(true);
    expect(passRole("lambda.amazonaws.com")).toBe(false);
  });
});
