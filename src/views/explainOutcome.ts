// Words for outcomes: what happened, and what the person can do next. The
// tree, the sign-in flow and the playground all say the same thing.
import * as vscode from 'vscode';
import { ClientCodes, MAX_RESPONSE_BYTES } from '../api/client';
import type { Outcome } from '../api/envelope';
import type { NextStep } from '../shared/protocol';

export type { NextStep };

export interface Explanation {
  summary: string;
  hint: string;
  nextStep: NextStep;
}

export function explainOutcome(outcome: Outcome, server: string): Explanation {
  switch (outcome.kind) {
    case 'ok':
      return { summary: vscode.l10n.t('Done.'), hint: '', nextStep: 'retry' };
    case 'warning':
      return {
        summary: outcome.envelope.Message ?? vscode.l10n.t('The server refused the request.'),
        hint: vscode.l10n.t('Check the values you sent and try again.'),
        nextStep: 'retry',
      };
    case 'serverError':
      return {
        summary: outcome.envelope.Message ?? vscode.l10n.t('The server reported an error.'),
        hint: vscode.l10n.t(
          'The server caught an exception (Success: false). Check the request body; ' +
            'if it is right, the server log will say more.',
        ),
        nextStep: 'retry',
      };
    case 'unauthorized':
      return {
        summary: vscode.l10n.t('The server did not accept your session (HTTP 401).'),
        hint: vscode.l10n.t('Your token expired or was revoked. Sign in again.'),
        nextStep: 'signIn',
      };
    case 'httpError':
      return explainHttpError(outcome);
    case 'network':
      return explainNetwork(outcome, server);
    case 'invalidBody':
      return {
        summary:
          outcome.problem === 'notJson'
            ? vscode.l10n.t(
                'The server answered HTTP {0} with a body that is not JSON.',
                outcome.status,
              )
            : vscode.l10n.t('The server answered JSON that is not a Romsoft envelope.'),
        hint: vscode.l10n.t(
          'Is {0} a Romsoft server? A proxy or a different service may be answering.',
          server,
        ),
        nextStep: 'openSettings',
      };
  }
}

function explainHttpError(outcome: Extract<Outcome, { kind: 'httpError' }>): Explanation {
  const reason = outcome.reason ? `: ${outcome.reason.replace(/\.$/, '')}` : '';
  const summary = vscode.l10n.t('HTTP {0} {1}{2}.', outcome.status, outcome.statusText, reason);

  if (outcome.status >= 300 && outcome.status < 400) {
    return {
      summary,
      hint: vscode.l10n.t(
        'The server sends you elsewhere. Set "romsoft.serverUrl" to that address.',
      ),
      nextStep: 'openSettings',
    };
  }

  if (outcome.status === 404) {
    return {
      summary,
      hint: vscode.l10n.t('The server has no such controller or action. Check the server URL.'),
      nextStep: 'openSettings',
    };
  }

  if (outcome.status === 500 && outcome.body.trim() === '') {
    return {
      summary,
      hint: vscode.l10n.t(
        'An empty HTTP 500 usually means the token is not a valid JWT. Sign in again.',
      ),
      nextStep: 'signIn',
    };
  }

  return {
    summary,
    hint: vscode.l10n.t('The server failed before answering with an envelope. See the log.'),
    nextStep: 'showLog',
  };
}

/** Codes Connection gives a call it could not make: no server, or a broken setting. */
export const NO_SERVER = 'NO_SERVER';
export const BAD_SERVER_URL = 'BAD_SERVER_URL';

/** Failures with a code of their own, and what to do about each. */
function explainCode(code: string, server: string): Explanation | undefined {
  switch (code) {
    case NO_SERVER:
      return {
        summary: vscode.l10n.t('No Romsoft server is set.'),
        hint: vscode.l10n.t('Sign in, or set "romsoft.serverUrl" to the server\'s address.'),
        nextStep: 'signIn',
      };
    case BAD_SERVER_URL:
      return {
        summary: vscode.l10n.t(
          'The "romsoft.serverUrl" setting is not an http:// or https:// address.',
        ),
        hint: vscode.l10n.t('Correct it, for example http://192.168.1.20:8080.'),
        nextStep: 'openSettings',
      };
    case ClientCodes.incompleteBody:
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return {
        summary: vscode.l10n.t(
          '{0} closed the connection before the whole answer arrived.',
          server,
        ),
        hint: vscode.l10n.t(
          'Try again; if it keeps happening, the server or a proxy is cutting answers short.',
        ),
        nextStep: 'retry',
      };
    case ClientCodes.tooLarge:
      return {
        summary: vscode.l10n.t(
          'The answer is larger than {0} MB, so it was not read.',
          MAX_RESPONSE_BYTES / 1048576,
        ),
        hint: vscode.l10n.t('Narrow the request, for example with a more specific search text.'),
        nextStep: 'retry',
      };
    case ClientCodes.invalidToken:
      return {
        summary: vscode.l10n.t('The saved session token cannot be sent: it is not a valid JWT.'),
        hint: vscode.l10n.t('Sign in again.'),
        nextStep: 'signIn',
      };
    case ClientCodes.invalidRoute:
      return {
        summary: vscode.l10n.t(
          'Controller and action names may hold only letters, digits and "_".',
        ),
        hint: vscode.l10n.t('Nothing was sent.'),
        nextStep: 'retry',
      };
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return {
        summary: vscode.l10n.t(
          'The answer from {0} could not be decompressed ({1}).',
          server,
          code,
        ),
        hint: vscode.l10n.t('The server or a proxy sent a damaged compressed body. Try again.'),
        nextStep: 'retry',
      };
    case 'ECONNRESET':
      return {
        summary: vscode.l10n.t('{0} dropped the connection (ECONNRESET).', server),
        hint: vscode.l10n.t('If the server uses HTTPS, the address must start with https://.'),
        nextStep: 'openSettings',
      };
    default:
      return undefined;
  }
}

const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

function explainNetwork(
  outcome: Extract<Outcome, { kind: 'network' }>,
  server: string,
): Explanation {
  if (outcome.cancelled) {
    return { summary: vscode.l10n.t('Cancelled.'), hint: '', nextStep: 'retry' };
  }

  if (outcome.timedOut) {
    return {
      summary: vscode.l10n.t('{0} did not answer in time.', server),
      hint: vscode.l10n.t(
        'Try again, or raise "romsoft.requestTimeoutSeconds" if the server is slow.',
      ),
      nextStep: 'retry',
    };
  }

  const known = outcome.code ? explainCode(outcome.code, server) : undefined;
  if (known) {
    return known;
  }

  if (outcome.code && CERTIFICATE_ERRORS.test(outcome.code)) {
    return {
      summary: vscode.l10n.t('The certificate of {0} is not trusted ({1}).', server, outcome.code),
      hint: vscode.l10n.t(
        'Clinic servers often use self-signed certificates. If you trust this one, ' +
          'turn off "romsoft.strictSSL".',
      ),
      nextStep: 'openSettings',
    };
  }

  return {
    summary: vscode.l10n.t('Could not reach {0} ({1}).', server, outcome.code ?? outcome.reason),
    hint: vscode.l10n.t('Check that the server is running and that "romsoft.serverUrl" is right.'),
    nextStep: 'openSettings',
  };
}
