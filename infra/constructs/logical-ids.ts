import { CfnResource } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * The stable logical ids of the stateful resources (pinned by the infra tests). A changed id makes
 * CloudFormation replace the resource, and a replaced table, queue or archive loses its data; a
 * replaced user pool loses every advisor's account and MFA enrolment. Each keeps the id its first
 * deploy gave it (the user pool's is the hashed id CDK generated for `Console/Advisors`).
 */
export const LOGICAL_IDS = {
  table: "ApplicantTable",
  scheduleGroup: "WakeUpScheduleGroup",
  wakeUpDeadLetterQueue: "WakeUpDeadLetterQueue",
  streamFailureQueue: "PlannerStreamFailureQueue",
  asyncFailureQueue: "AsyncFailureQueue",
  eventBus: "DomainEventBus",
  eventArchive: "DomainEventArchive",
  consoleUserPool: "ConsoleAdvisors4E1576CE",
} as const;

/**
 * Fixes the CloudFormation logical id of a stateful resource, so that moving or renaming its
 * construct can never make CloudFormation replace it (and lose its data). Tests pin these ids.
 */
export function pinLogicalId(construct: IConstruct, logicalId: string): void {
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to pin`);
  }
  resource.overrideLogicalId(logicalId);
}
