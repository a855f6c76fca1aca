import { Stack, Validations } from "aws-cdk-lib";
import type * as sqs from "aws-cdk-lib/aws-sqs";
// cdk-nag's own rendering of a resource in its finding ids (e.g. "<AWS::Region>"), so that an
// acknowledgement names exactly one wildcard resource and a new wildcard is still reported.
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";

/** The cdk-nag finding id of one wildcard resource in an IAM policy (AwsSolutions-IAM5). */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/**
 * AwsSolutions-SQS3 asks every queue to have a dead-letter queue or to be one through an SQS redrive
 * policy. These queues are dead-letter queues of Lambda, EventBridge or Scheduler, wired on the
 * producer's side, which the rule cannot see; a queue behind them would only move the problem.
 */
export function acknowledgeDeadLetterQueue(queue: sqs.IQueue, role: string): void {
  Validations.of(queue).acknowledge({
    id: "AwsSolutions-SQS3",
    reason: `This queue is ${role}, configured on the producer rather than by an SQS redrive policy; an alarm fires on its first message.`,
  });
}
