import { Duration } from "aws-cdk-lib";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { pinLogicalId } from "./logical-ids.ts";
import { acknowledgeDeadLetterQueue } from "./nag.ts";

export interface DeadLetterQueueProps {
  /** Pinned: the queue holds the records that failed, which a replacement would lose. */
  readonly logicalId: string;
  /** Whose dead letters these are, as a phrase ("the dead-letter queue of …"), for cdk-nag. */
  readonly role: string;
}

/**
 * A queue for what could not be processed: SSE, TLS only, kept the SQS maximum of 14 days so an
 * operator has two weeks to look after the alarm on its first message (OperatorAlarms).
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    pinLogicalId(this, props.logicalId);
    acknowledgeDeadLetterQueue(this, props.role);
  }
}
