/**
 * The console's routes as API Gateway route keys (`METHOD /path`): the public ones, which anyone may
 * GET (the shell, where sign-in starts and returns, and its static files), and everything else,
 * each behind the JWT authorizer. The one list: the CDK construct (infra/constructs/advisor-console.ts)
 * adds exactly these and the infra test checks the template against them; the handler (app.ts)
 * serves the public paths before it asks for a token.
 */
export const PUBLIC_CONSOLE_ROUTES = ["GET /console", "GET /console/assets/{file}"] as const;
export const PROTECTED_CONSOLE_ROUTES = ["GET /console/{proxy+}", "POST /console/{proxy+}"] as const;
