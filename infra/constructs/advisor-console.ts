import { Duration, type RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { PROTECTED_CONSOLE_ROUTES, PUBLIC_CONSOLE_ROUTES } from "../../functions/console/route-keys.ts";
import { LOGICAL_IDS, pinLogicalId } from "./logical-ids.ts";

/** An API Gateway route key (`GET /console`) as addRoutes takes it. */
function routeOf(key: string): { path: string; methods: apigw.HttpMethod[] } {
  const [method = "", path = ""] = key.split(" ");
  return { path, methods: [apigw.HttpMethod[method as keyof typeof apigw.HttpMethod]] };
}

export interface AdvisorConsoleProps {
  /** The HTTP API the console's routes join. */
  readonly httpApi: apigw.HttpApi;
  /** The console function (functions/console/handler.ts). */
  readonly handler: lambda.Function;
  /** Where people reach the API (the sign-in returns to `<base>/console`). */
  readonly publicBaseUrl: string;
  /** The Cognito hosted sign-in's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly domainPrefix: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The advisor's console in the cloud: a Cognito user pool of advisors (invited by an admin, no
 * self sign-up, TOTP MFA required), an `admin` group whose members see every applicant, a public
 * app client for the authorization-code flow with PKCE, and the console's routes on the HTTP API,
 * every data route behind API Gateway's JWT authorizer for that pool and client. The function
 * verifies the same ID token again with the same code the local stack runs (DESIGN decision 13).
 *
 * Invite an advisor: `aws cognito-idp admin-create-user --user-pool-id <ConsoleUserPoolId>
 * --username <email> --user-attributes Name=email,Value=<email> Name=email_verified,Value=true`;
 * make an admin: `aws cognito-idp admin-add-user-to-group --group-name admin …`.
 */
export class AdvisorConsole extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly authorizer: HttpJwtAuthorizer;
  /** The OpenID Connect issuer of the pool's tokens. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AdvisorConsoleProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, "Advisors", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // An advisor's email decides whose applicants they see: a change takes effect only once the
      // new address is verified (until then Cognito keeps the old one and the console refuses
      // tokens with `email_verified: false`).
      keepOriginal: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      // Authenticator apps only: SMS codes can be intercepted and cost per message.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: "Your Matchpath console account",
        emailBody:
          "An administrator invited you to the Matchpath advisor's console. Sign in as {username} with the temporary password {####}, then set your own and an authenticator app.",
      },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      removalPolicy: props.removalPolicy,
    });
    pinLogicalId(this.userPool, LOGICAL_IDS.consoleUserPool);
    Validations.of(this.userPool).acknowledge({
      id: "AwsSolutions-COG8",
      reason:
        "Essentials tier: the pool holds a handful of advisors invited by an admin (no self sign-up), " +
        "every sign-in needs an authenticator-app code; Plus adds adaptive risk scoring at a per-user " +
        "monthly price that an operator may switch on in the pool settings.",
    });
    new cognito.CfnUserPoolGroup(this, "Admins", {
      userPoolId: this.userPool.userPoolId,
      groupName: "admin",
      description: "Sees every applicant in the console (advisors see only their own)",
    });
    this.domain = this.userPool.addDomain("SignIn", { cognitoDomain: { domainPrefix: props.domainPrefix } });
    const consoleUrl = `${props.publicBaseUrl}/console`;
    this.client = this.userPool.addClient("Console", {
      // A browser client: no secret, the authorization-code flow with PKCE.
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // The pool's ProviderURL attribute lacks the scheme; tokens' `iss` has it.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    // Cognito puts email and groups in the ID token, so that is the bearer: its `aud` is the client id.
    this.authorizer = new HttpJwtAuthorizer("ConsoleAuthorizer", this.issuer, {
      jwtAudience: [this.client.userPoolClientId],
      identitySource: ["$request.header.Authorization"],
    });

    const integration = new HttpLambdaIntegration("ConsoleHandler", props.handler);
    // The console's own lists (functions/console/route-keys.ts): public routes bare, the rest behind the authorizer.
    for (const key of PUBLIC_CONSOLE_ROUTES) props.httpApi.addRoutes({ ...routeOf(key), integration });
    for (const key of PROTECTED_CONSOLE_ROUTES) {
      props.httpApi.addRoutes({ ...routeOf(key), integration, authorizer: this.authorizer });
    }

    const signIn = this.domain.baseUrl();
    props.handler.addEnvironment("CONSOLE_ISSUER", this.issuer);
    props.handler.addEnvironment("CONSOLE_CLIENT_ID", this.client.userPoolClientId);
    props.handler.addEnvironment("CONSOLE_AUTHORIZE_URL", `${signIn}/oauth2/authorize`);
    props.handler.addEnvironment("CONSOLE_TOKEN_URL", `${signIn}/oauth2/token`);
    props.handler.addEnvironment("CONSOLE_JWKS_URL", `${this.issuer}/.well-known/jwks.json`);
    props.handler.addEnvironment("PUBLIC_BASE_URL", props.publicBaseUrl);
  }

  /** The default domain prefix when a stage names none: unique per stage and account. */
  static defaultDomainPrefix(scope: Construct, stage: string): string {
    return `matchpath-${stage}-${Stack.of(scope).account}`;
  }
}
