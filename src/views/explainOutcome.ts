// Words for outcomes: what happened, and what the person can do next. The
// tree, the sign-in flow and the playground all say the same thing.
import * as vscode from 'vscode';
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

/** The code Connection gives a call made with no server configured. */
export const NO_SERVER = 'NO_SERVER';

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

  if (outcome.code === NO_SERVER) {
    return {
      summary: vscode.l10n.t('No Romsoft server is set.'),
      hint: vscode.l10n.t('Sign in, or set "romsoft.serverUrl" to the server\'s address.'),
      nextStep: 'signIn',
    };
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
