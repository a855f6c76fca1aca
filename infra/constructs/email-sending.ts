import { ArnFormat, CfnOutput, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as ses from "aws-cdk-lib/aws-ses";
import { Construct } from "constructs";

export interface EmailSendingProps {
  /** The sending domain (Easy DKIM). */
  readonly domain: string;
  /** Declare the domain identity here; false when another stage of the account already does. */
  readonly manageIdentity: boolean;
  /** Verified recipients the sandbox authorizes sends against (empty outside the sandbox). */
  readonly sandboxRecipients: readonly string[];
}

/** The SES sending events Matchpath reacts to, as SES names them on EventBridge. */
export const SES_EVENT_DETAIL_TYPES = [
  "Email Bounced",
  "Email Complaint Received",
  "Email Delivered",
  "Email Rejected",
] as const;

/**
 * SES for the reminders: the domain identity, and a configuration set that requires TLS, keeps
 * reputation metrics, applies the account suppression list, and publishes bounce, complaint,
 * delivery and reject events to the default EventBridge bus (the only bus SES can publish to).
 */
export class EmailSending extends Construct {
  readonly identityArn: string;
  readonly configurationSet: ses.ConfigurationSet;
  readonly configurationSetArn: string;
  private readonly recipientIdentityArns: string[];

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const identityArn = (name: string) =>
      stack.formatArn({ service: "ses", resource: "identity", resourceName: name });

    if (props.manageIdentity) {
      const identity = new ses.EmailIdentity(this, "DomainIdentity", {
        identity: ses.Identity.domain(props.domain),
      });
      // The three Easy DKIM CNAME records to publish in the domain's DNS (README.md, "Verify the SES
      // domain and leave the sandbox").
      identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          description: `DKIM CNAME ${index + 1} for ${props.domain}`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
      this.identityArn = identity.emailIdentityArn;
    } else {
      this.identityArn = identityArn(props.domain);
    }
    this.recipientIdentityArns = props.sandboxRecipients.map(identityArn);

    this.configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      // Reminders carry deadlines and exam milestones: never send them over plain SMTP.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSetArn = stack.formatArn({
      service: "ses",
      resource: "configuration-set",
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.configurationSet.addEventDestination("ToEventBridge", {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, "DefaultBus", "default"),
      ),
      events: [
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.REJECT,
      ],
    });
  }

  /**
   * The SES events routed to a target. The rule lives on the default bus and matches every SES
   * event of the account, not only this stage's: SES reputation is per account, so a bounce from
   * one stage is worth suppressing in the other too, and the handler ignores message ids it did not
   * send. (The configuration set appears in the event's tags, but AWS publishes no full example of
   * the EventBridge detail to filter on safely.)
   */
  routeEvents(id: string, target: events.IRuleTarget): events.Rule {
    return new events.Rule(this, id, {
      description: "SES bounce, complaint, delivery and reject events for Matchpath",
      eventPattern: { source: ["aws.ses"], detailType: [...SES_EVENT_DETAIL_TYPES] },
      targets: [target],
    });
  }

  /** ses:SendEmail from the domain identity, through the configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["ses:SendEmail"],
        resources: [this.identityArn, this.configurationSetArn, ...this.recipientIdentityArns],
      }),
    );
  }
}
