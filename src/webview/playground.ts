// The request playground page. It draws the two panes, keeps what the
// person typed and what came back (in the webview state and, through the
// host, on disk, so a reload or a closed tab loses nothing), and talks to
// the host only through protocol.ts.
import {
  ActionChoice,
  HostMessage,
  isHostMessage,
  Pane,
  ResultView,
  SessionView,
  WebviewMessage,
} from '../shared/protocol';
import { button, clear, el, format } from './dom';
import { resultElement } from './result';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Everything worth keeping across a reload of the page. */
interface PageState {
  patientQuery: string;
  /** The text the last patient search sent, for "no patients match …". */
  sentQuery: string;
  selected: string;
  bodies: Record<string, string>;
  hideDefaultColumns: boolean;
  results: Partial<Record<Pane, ResultView>>;
  /** Which request each shown answer came from, to ask the host for more of it. */
  resultIds: Partial<Record<Pane, string>>;
  /** When it was saved (ms since epoch), to pick the newer of two copies. */
  savedAt: number;
}

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const state: PageState = restoreState(vscode.getState());
const running: Partial<Record<Pane, string>> = {};
/** "Show more" requests waiting for the host, by id. */
const asks = new Map<string, (rows: unknown[] | undefined) => void>();
/** The text of the patient search in flight; it names an empty answer once that arrives. */
let pendingQuery = '';
/** Copy JSON requests waiting for the host to say whether the copy happened. */
const copies = new Map<string, (copied: boolean) => void>();
/** Ids stay unique across reloads of the page, which restart the counter. */
const pageId = Date.now().toString(36);
let nextRequest = 1;

let strings: Record<string, string> = {};
let actions: ActionChoice[] = [];
let patientSearch = { controller: 'ADM_PACIENTE', action: 'GetAllFilters', field: 'valorRequest' };
let ui: ReturnType<typeof buildPage> | undefined;

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) {
    receive(event.data);
  }
});
vscode.postMessage({ type: 'ready' });

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      adoptIfNewer(restoreState(message.drafts));
      strings = message.strings;
      actions = message.actions;
      patientSearch = message.patientSearch;
      ui = buildPage();
      showSession(message.session);
      restoreResults();
      app.setAttribute('aria-busy', 'false');
      return;
    case 'session':
      showSession(message.session);
      return;
    case 'rows':
      asks.get(message.askId)?.(message.rows);
      asks.delete(message.askId);
      return;
    case 'copied':
      copies.get(message.requestId)?.(message.copied);
      copies.delete(message.requestId);
      return;
    case 'result':
      if (running[message.pane] !== message.requestId) {
        return;
      }
      running[message.pane] = undefined;
      state.results[message.pane] = message.result;
      state.resultIds[message.pane] = message.requestId;
      if (message.pane === 'patients') {
        state.sentQuery = pendingQuery;
      }
      save();
      showResult(message.pane, message.result);
      return;
  }
}

function buildPage() {
  clear(app);

  const sessionLine = el('span', { class: 'session-text', role: 'status' });
  const signIn = button(strings.signIn, () => post({ type: 'nextStep', step: 'signIn' }));
  const header = el(
    'header',
    {},
    el('h1', {}, strings.title),
    el('div', { class: 'session' }, sessionLine, signIn),
  );

  const patients = patientPane();
  const action = actionPane();
  const hideDefaults = el('input', { type: 'checkbox', id: 'hide-defaults' });
  hideDefaults.checked = state.hideDefaultColumns;
  hideDefaults.addEventListener('change', () => {
    state.hideDefaultColumns = hideDefaults.checked;
    save();
    restoreResults();
  });
  const options = el(
    'div',
    { class: 'options' },
    hideDefaults,
    el('label', { for: 'hide-defaults' }, strings.hideEmptyColumns),
  );

  app.append(header, options, patients.section, action.section);
  return { sessionLine, signIn, patients, action };
}

function patientPane() {
  const input = el('input', {
    type: 'search',
    id: 'patient-query',
    placeholder: strings.patientsPlaceholder,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.value = state.patientQuery;
  input.addEventListener('input', () => {
    state.patientQuery = input.value;
    save();
  });

  const search = el('button', { type: 'submit', id: 'patient-search' }, strings.search);
  const cancel = button(strings.cancel, () => cancelPane('patients'), {
    class: 'secondary',
    hidden: '',
  });
  const form = el(
    'form',
    { class: 'row', role: 'search' },
    el('label', { for: 'patient-query' }, strings.patientsLabel),
    input,
    search,
    cancel,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendPatients();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && running.patients) {
      event.preventDefault();
      cancelPane('patients');
    }
  });

  const progress = el('p', { class: 'progress', hidden: '', role: 'status' });
  const output = el('div', { class: 'output', 'aria-live': 'polite' });
  const section = el(
    'section',
    { id: 'patients', 'aria-labelledby': 'patients-heading' },
    el('h2', { id: 'patients-heading' }, strings.patientsHeading),
    el('p', { class: 'help' }, strings.patientsHelp),
    form,
    progress,
    output,
  );
  return { section, input, send: search, cancel, progress, output };
}

function actionPane() {
  const controllers = [...new Set(actions.map((choice) => choice.controller))].sort();
  const current = findChoice(state.selected) ?? findChoice(DEFAULT_ACTION) ?? actions[0];

  const controller = el('select', { id: 'controller' });
  for (const name of controllers) {
    controller.append(el('option', { value: name }, name));
  }
  const action = el('select', { id: 'action' });
  const anonymous = el('span', { class: 'badge neutral', hidden: '' }, strings.anonymous);
  const writes = el('span', { class: 'badge warn', hidden: '' }, strings.writesData);
  const body = el('textarea', {
    id: 'body',
    rows: '10',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'body-check body-hint',
  });
  const check = el('p', { id: 'body-check', class: 'check', role: 'status' });
  const send = button(strings.send, () => sendAction(), { id: 'action-send' });

  /** A newly picked controller starts on a query, never on a write. */
  const fillActions = (controllerName: string, selectedAction?: string) => {
    clear(action);
    const choices = actions.filter((item) => item.controller === controllerName);
    for (const choice of choices) {
      action.append(el('option', { value: choice.action }, choice.action));
    }
    const firstQuery = choices.find((choice) => !isWrite(choice.action));
    action.value = selectedAction ?? firstQuery?.action ?? choices[0]?.action ?? '';
  };
  const showChoice = () => {
    const choice = findChoice(`${controller.value}/${action.value}`);
    if (!choice) {
      return;
    }
    state.selected = keyOf(choice);
    anonymous.hidden = !choice.anonymous;
    writes.hidden = !isWrite(choice.action);
    body.value = state.bodies[state.selected] ?? templateText(choice);
    validate();
    save();
  };
  const validate = () => {
    const problem = jsonProblem(body.value);
    check.textContent = problem ? format(strings.bodyInvalid, problem) : strings.bodyValid;
    check.classList.toggle('invalid', problem !== undefined);
    send.disabled = problem !== undefined || running.action !== undefined;
    return problem === undefined;
  };

  controller.addEventListener('change', () => {
    fillActions(controller.value);
    showChoice();
  });
  action.addEventListener('change', showChoice);
  body.addEventListener('input', () => {
    state.bodies[state.selected] = body.value;
    validate();
    save();
  });
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      sendAction();
    } else if (event.key === 'Escape' && running.action) {
      event.preventDefault();
      cancelPane('action');
    }
  });

  const cancel = button(strings.cancel, () => cancelPane('action'), {
    class: 'secondary',
    hidden: '',
  });
  const formatButton = button(
    strings.formatBody,
    () => {
      if (validate() && body.value.trim() !== '') {
        body.value = JSON.stringify(JSON.parse(body.value), null, 2);
        state.bodies[state.selected] = body.value;
        save();
      }
    },
    { class: 'secondary' },
  );
  const reset = button(
    strings.resetBody,
    () => {
      const choice = findChoice(state.selected);
      if (choice) {
        delete state.bodies[state.selected];
        body.value = templateText(choice);
        validate();
        save();
      }
    },
    { class: 'secondary' },
  );

  if (current) {
    controller.value = current.controller;
    fillActions(current.controller, current.action);
  }

  const progress = el('p', { class: 'progress', hidden: '', role: 'status' });
  const output = el('div', { class: 'output', 'aria-live': 'polite' });
  const section = el(
    'section',
    { id: 'action-pane', 'aria-labelledby': 'action-heading' },
    el('h2', { id: 'action-heading' }, strings.actionHeading),
    el('p', { class: 'help' }, strings.actionHelp),
    el(
      'div',
      { class: 'row' },
      el('label', { for: 'controller' }, strings.controllerLabel),
      controller,
      el('label', { for: 'action' }, strings.actionLabel),
      action,
      anonymous,
      writes,
    ),
    el('label', { for: 'body', class: 'block' }, strings.bodyLabel),
    body,
    check,
    el('div', { class: 'row' }, send, cancel, formatButton, reset),
    el('p', { id: 'body-hint', class: 'help' }, strings.sendHint),
    progress,
    output,
  );

  const sendAction = () => {
    if (!validate()) {
      body.focus();
      return;
    }
    const choice = findChoice(state.selected);
    if (choice) {
      startRequest('action', choice.controller, choice.action, body.value);
    }
  };

  showChoice();
  return { section, send, cancel, progress, output };
}

function sendPatients(): void {
  const query = ui?.patients.input.value ?? '';
  const body = JSON.stringify({ [patientSearch.field]: query });
  pendingQuery = query;
  startRequest('patients', patientSearch.controller, patientSearch.action, body);
}

function startRequest(pane: Pane, controller: string, action: string, bodyText: string): void {
  if (running[pane]) {
    post({ type: 'cancel', requestId: running[pane] as string });
  }

  const requestId = `${pane}-${pageId}-${nextRequest++}`;
  running[pane] = requestId;
  const parts = paneElements(pane);
  parts.send.disabled = true;
  parts.cancel.hidden = false;
  parts.progress.hidden = false;
  parts.progress.textContent = format(strings.sending, `${controller}/${action}`);
  post({ type: 'send', requestId, pane, controller, action, bodyText });
}

/** The pane is free again at once; a late answer to the request is ignored. */
function cancelPane(pane: Pane): void {
  const requestId = running[pane];
  if (!requestId) {
    return;
  }
  post({ type: 'cancel', requestId });
  running[pane] = undefined;

  const parts = paneElements(pane);
  parts.send.disabled = false;
  parts.cancel.hidden = true;
  parts.progress.hidden = true;
  parts.output.replaceChildren(el('p', { class: 'note' }, strings.cancelled));
}

function showResult(pane: Pane, result: ResultView): void {
  const parts = paneElements(pane);
  parts.send.disabled = false;
  parts.cancel.hidden = true;
  parts.progress.hidden = true;

  const query = state.sentQuery.trim();
  const emptyMessage =
    pane === 'patients' && query !== '' && result.kind === 'envelope' && result.outcome === 'ok'
      ? format(strings.noPatients, query)
      : undefined;
  parts.output.replaceChildren(
    resultElement(result, {
      strings,
      hideDefaultColumns: state.hideDefaultColumns,
      emptyMessage,
      onNextStep: (step) => post({ type: 'nextStep', step }),
      onCopy: (text) => post({ type: 'copy', text }),
      onCopyResult: () => {
        const requestId = state.resultIds[pane];
        if (!requestId) {
          return Promise.resolve(false);
        }
        return new Promise<boolean>((resolve) => {
          copies.set(requestId, resolve);
          post({ type: 'copyResult', requestId });
        });
      },
      loadRows: (offset) => askRows(pane, offset),
    }),
  );
}

function askRows(pane: Pane, offset: number): Promise<unknown[] | undefined> {
  const requestId = state.resultIds[pane];
  if (!requestId) {
    return Promise.resolve(undefined);
  }
  const askId = `rows-${nextRequest++}`;
  return new Promise((resolve) => {
    asks.set(askId, resolve);
    post({ type: 'moreRows', askId, requestId, offset });
  });
}

function showSession(session: SessionView): void {
  if (!ui) {
    return;
  }

  if (session.signedIn) {
    const until = session.expiresAt
      ? ` ${format(strings.signedInUntil, new Date(session.expiresAt).toLocaleString())}`
      : '';
    ui.sessionLine.textContent =
      format(strings.signedInAs, session.server ?? '', session.displayName ?? '') + until;
    ui.signIn.hidden = true;
  } else {
    ui.sessionLine.textContent = strings.signedOut;
    ui.signIn.hidden = false;
    forgetAnswers();
  }
}

/** Signed out: the answers (patients' data) go; what was typed stays. */
function forgetAnswers(): void {
  if (Object.keys(state.results).length === 0 && state.sentQuery === '') {
    return;
  }
  state.results = {};
  state.resultIds = {};
  state.sentQuery = '';
  ui?.patients.output.replaceChildren();
  ui?.action.output.replaceChildren();
  save();
}

function restoreResults(): void {
  for (const pane of ['patients', 'action'] as const) {
    const result = state.results[pane];
    if (result && !running[pane]) {
      showResult(pane, result);
    }
  }
}

function paneElements(pane: Pane) {
  if (!ui) {
    throw new Error('the page is not built yet');
  }
  return pane === 'patients' ? ui.patients : ui.action;
}

/** Where the picker starts: a harmless query everyone has. */
const DEFAULT_ACTION = 'CVN_PLAN_SEGURO/GetAllActives';

/** Add, Update, Delete and the like change data on the server. */
function isWrite(action: string): boolean {
  return /^(add|update|delete|insert|anular)/i.test(action);
}

function findChoice(key: string): ActionChoice | undefined {
  return actions.find((choice) => keyOf(choice) === key);
}

function keyOf(choice: ActionChoice): string {
  return `${choice.controller}/${choice.action}`;
}

function templateText(choice: ActionChoice): string {
  return JSON.stringify(choice.body, null, 2);
}

/** Undefined when the text parses as JSON (or is empty: sent as {}). */
function jsonProblem(text: string): string | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

let draftTimer: ReturnType<typeof setTimeout> | undefined;

/** The host's copy wins when the webview's own state is older or was lost. */
function adoptIfNewer(saved: PageState): void {
  if (saved.savedAt <= state.savedAt) {
    return;
  }
  Object.assign(state, saved);
}

/**
 * Saves in the webview state at once, and with the host a moment later.
 * Answers are saved whole: the host sends at most one page of rows, and
 * it drops the answers from drafts that grow too large.
 */
function save(): void {
  state.savedAt = Date.now();
  const snapshot: PageState = { ...state, bodies: withoutSecrets(state.bodies) };
  vscode.setState(snapshot);

  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => post({ type: 'saveDrafts', drafts: { ...snapshot } }), 100);
}

/**
 * Passwords typed into a body (Account/Login, a user's "clave") are sent
 * but never saved: the saved copy has those values blanked.
 */
function withoutSecrets(bodies: Record<string, string>): Record<string, string> {
  const secretValue =
    /("(?:[^"]*pass[^"]*|clave|contrase[^"]*|token)"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+)/gi;
  return Object.fromEntries(
    Object.entries(bodies).map(([key, text]) => [key, text.replace(secretValue, '$1""')]),
  );
}

/**
 * Reads saved state defensively: it may come from an older version or a
 * damaged file, and a bad field must cost only that field, not the page.
 */
function restoreState(saved: unknown): PageState {
  const value = isObject(saved) ? saved : {};
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  const strings = (field: unknown) =>
    Object.fromEntries(
      Object.entries(isObject(field) ? field : {}).filter(([, item]) => typeof item === 'string'),
    ) as Record<string, string>;
  const results: PageState['results'] = {};
  const savedResults = isObject(value.results) ? value.results : {};
  for (const pane of ['patients', 'action'] as const) {
    if (isResultView(savedResults[pane])) {
      results[pane] = savedResults[pane];
    }
  }

  return {
    patientQuery: text(value.patientQuery),
    sentQuery: text(value.sentQuery),
    selected: text(value.selected),
    bodies: strings(value.bodies),
    hideDefaultColumns: value.hideDefaultColumns !== false,
    results,
    resultIds: strings(value.resultIds),
    savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResultView(value: unknown): value is ResultView {
  if (!isObject(value) || typeof value.action !== 'string') {
    return false;
  }
  if (value.kind === 'envelope') {
    return isObject(value.envelope) && typeof value.rawText === 'string';
  }
  return value.kind === 'failure' && typeof value.summary === 'string';
}
