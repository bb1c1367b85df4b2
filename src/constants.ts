// Every identifier the extension shares with package.json lives here, so a
// rename happens in one place and the manifest test can check both agree.

export const Commands = {
  signIn: 'romsoft.signIn',
  signOut: 'romsoft.signOut',
  openPlayground: 'romsoft.openPlayground',
  refreshPlans: 'romsoft.plans.refresh',
  copyValue: 'romsoft.plans.copyValue',
  showLog: 'romsoft.showLog',
} as const;

export const Views = {
  container: 'romsoft',
  plans: 'romsoft.plans',
} as const;

export const Settings = {
  section: 'romsoft',
  serverUrl: 'serverUrl',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  strictSSL: 'strictSSL',
} as const;

export const ContextKeys = {
  signedIn: 'romsoft.signedIn',
} as const;

export const PanelTypes = {
  playground: 'romsoft.playground',
} as const;

export const TreeItemContexts = {
  plan: 'romsoft.plan',
  planField: 'romsoft.planField',
  error: 'romsoft.error',
} as const;

/** Prefix of the SecretStorage key; the normalised server URL follows it. */
export const TOKEN_SECRET_PREFIX = 'romsoft.token:';

/** globalState key of the non-secret profile (who, when) per server. */
export const PROFILES_STATE_KEY = 'romsoft.profiles';
