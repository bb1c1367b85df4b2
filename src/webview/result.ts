// Draws one ResultView: the envelope's Success and Warning badges, HTTP
// status and time, Message, and Data as a table beside the raw JSON; or,
// for anything that is not the envelope, what happened and what to do.
import type { NextStep, ResultView } from '../shared/protocol';
import { button, el, format } from './dom';
import { dataView } from './table';

export interface ResultContext {
  strings: Record<string, string>;
  hideDefaultColumns: boolean;
  /** Asks the host for more rows of this answer (see TableOptions.loadRows). */
  loadRows?: (offset: number) => Promise<unknown[] | undefined>;
  /** Copies the whole answer, which only the host holds; false when it no longer does. */
  onCopyResult: () => Promise<boolean>;
  /** Said instead of "the list is empty" for an empty Data array. */
  emptyMessage?: string;
  onNextStep: (step: NextStep) => void;
  onCopy: (text: string) => void;
}

export function resultElement(result: ResultView, context: ResultContext): HTMLElement {
  return result.kind === 'envelope'
    ? envelopeElement(result, context)
    : failureElement(result, context);
}

function envelopeElement(
  result: Extract<ResultView, { kind: 'envelope' }>,
  context: ResultContext,
): HTMLElement {
  const { strings } = context;
  const { envelope } = result;
  const tone = result.outcome === 'ok' ? 'ok' : result.outcome === 'warning' ? 'warn' : 'error';

  const data =
    Array.isArray(envelope.Data) && envelope.Data.length === 0 && context.emptyMessage
      ? el('p', { class: 'note empty' }, context.emptyMessage)
      : dataView(envelope.Data, {
        ...context,
        totalRows: result.totalRows,
        columns: result.columns,
      });

  return el(
    'div',
    { class: `result ${tone}`, 'data-outcome': result.outcome },
    el(
      'div',
      { class: 'summary' },
      badge('Success', envelope.Success, envelope.Success ? 'ok' : 'error'),
      badge('Warning', envelope.Warning, envelope.Warning ? 'warn' : 'neutral'),
      el('span', { class: 'status' }, format(strings.status, result.status)),
      el('span', { class: 'elapsed' }, format(strings.elapsed, result.elapsedMs)),
      el('code', { class: 'route' }, result.action),
    ),
    el(
      'p',
      { class: 'message' },
      el('strong', {}, `${strings.message}: `),
      el('span', { class: 'message-text' }, envelope.Message ?? strings.noMessage),
    ),
    el(
      'div',
      { class: 'split' },
      el('div', { class: 'data-pane' }, el('h3', {}, strings.data), data),
      rawPane(result, context),
    ),
  );
}

function failureElement(
  result: Extract<ResultView, { kind: 'failure' }>,
  context: ResultContext,
): HTMLElement {
  const { strings } = context;
  const label = result.status ? format(strings.status, result.status) : result.outcome;
  const step = result.nextStep && result.nextStep !== 'retry' ? result.nextStep : undefined;

  return el(
    'div',
    { class: 'result error', 'data-outcome': result.outcome, role: 'alert' },
    el(
      'div',
      { class: 'summary' },
      el('span', { class: 'badge error' }, label),
      el('span', { class: 'elapsed' }, format(strings.elapsed, result.elapsedMs)),
      el('code', { class: 'route' }, result.action),
    ),
    el('p', { class: 'failure-summary' }, result.summary),
    result.hint !== '' && el('p', { class: 'hint' }, result.hint),
    step && button(strings[step], () => context.onNextStep(step)),
    result.body !== undefined &&
      el(
        'details',
        { open: '' },
        el(
          'summary',
          {},
          strings.failureBody,
          result.contentType ? ` (${result.contentType})` : '',
        ),
        el('pre', { class: 'raw' }, result.body === '' ? strings.emptyBody : result.body),
      ),
  );
}

function rawPane(
  result: Extract<ResultView, { kind: 'envelope' }>,
  context: ResultContext,
): HTMLElement {
  const { strings } = context;
  const copy = button(
    strings.copyJson,
    async () => {
      let copied = true;
      if (result.rawComplete) {
        context.onCopy(result.rawText);
      } else {
        copy.disabled = true;
        copied = await context.onCopyResult();
        copy.disabled = false;
      }
      copy.textContent = copied ? strings.copied : strings.copyGone;
      setTimeout(() => (copy.textContent = strings.copyJson), copied ? 1500 : 4000);
    },
    { class: 'secondary small' },
  );

  return el(
    'div',
    { class: 'raw-pane' },
    el('div', { class: 'raw-header' }, el('h3', {}, strings.rawJson), copy),
    !result.rawComplete && el('p', { class: 'note' }, strings.rawPartial),
    el('pre', { class: 'raw', tabindex: '0' }, result.rawText),
  );
}

function badge(name: string, value: boolean, tone: string): HTMLElement {
  return el('span', { class: `badge ${tone}`, 'data-badge': name }, `${name}: ${value}`);
}
