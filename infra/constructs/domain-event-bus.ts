import { Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import type * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { LOGICAL_IDS, pinLogicalId } from "./logical-ids.ts";

export interface DomainEventBusProps {
  /** Of the archive: RETAIN outside the disposable stage. */
  readonly archiveRemovalPolicy: RemovalPolicy;
}

/**
 * The custom bus Matchpath publishes its domain events to (DESIGN decision 8), with an archive of
 * a year of them so a new subscriber can replay the past. Both logical ids are pinned.
 */
export class DomainEventBus extends events.EventBus {
  readonly eventArchive: events.Archive;

  constructor(scope: Construct, id: string, props: DomainEventBusProps) {
    super(scope, id, {
      description: "Matchpath domain events: PlanChanged, ReminderSent, MilestoneOverdue, EmailSuppressed",
    });
    pinLogicalId(this, LOGICAL_IDS.eventBus);
    this.eventArchive = this.archive("Archive", {
      description: "Every Matchpath domain event, for replay into a new subscriber",
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(365),
    });
    this.eventArchive.applyRemovalPolicy(props.archiveRemovalPolicy);
    pinLogicalId(this.eventArchive, LOGICAL_IDS.eventArchive);
  }

  /** events:PutEvents on this bus for each publisher. */
  grantPublish(...publishers: iam.IGrantable[]): void {
    for (const publisher of publishers) this.grantPutEventsTo(publisher);
  }
}
