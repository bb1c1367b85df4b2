import { type CatalogAction, type CatalogController, ownIdField } from '../catalog';
import { isJsonObject } from '../dotnet';
import { type Envelope, MESSAGES, success, warning } from '../envelope';
import { Random, deriveSeed } from '../random';
import { rowBuilder, rowShape } from '../rows';
import type { ActionContext } from './context';

/**
 * Any action without a handler of its own, answered from its name and catalog entry:
 * Get* queries return invented rows, Add/Update/Delete confirm without storing anything.
 */
export function genericAction(context: ActionContext): Envelope {
  const name = context.route.action.action.toLowerCase();
  if (name.startsWith('get')) {
    return genericQuery(context);
  }
  if (name.startsWith('add')) {
    return success(null, MESSAGES.created);
  }
  if (name.startsWith('update')) {
    return requestedId(context) === 0
      ? warning(MESSAGES.notUpdated)
      : success(null, MESSAGES.updated);
  }
  if (name.startsWith('delete')) {
    return success(null, MESSAGES.deleted);
  }
  return warning(MESSAGES.notAvailable);
}

/**
 * The id a request names: the primitive body, or the DTO's own id field. Undefined when
 * the action has no id to name.
 */
export function requestedId(context: ActionContext): number | undefined {
  const { body } = context;
  if (typeof body === 'number') {
    return body;
  }
  const field = requestIdField(context.route.controller, context.route.action);
  if (field === undefined || !isJsonObject(body)) {
    return undefined;
  }
  return typeof body[field] === 'number' ? body[field] : 0;
}

function genericQuery(context: ActionContext): Envelope {
  const { controller, action, key } = context.route;
  const shape = rowShape(controller, action);
  if (shape.fills.length === 0) {
    return warning(MESSAGES.noRecords);
  }
  const build = rowBuilder(shape);

  if (action.action.toLowerCase() === 'getbyid') {
    const id = requestedId(context) ?? 1;
    if (id === 0) {
      return warning(MESSAGES.notFound);
    }
    const random = new Random(deriveSeed(context.data.seed, `${key}:${id}`));
    const known = shape.keyField ? { [shape.keyField]: id } : {};
    return success(build(known, random, id - 1));
  }

  const random = new Random(deriveSeed(context.data.seed, key));
  const count = random.int(5, 20);
  const rows = [];
  for (let index = 0; index < count; index++) {
    rows.push(build({}, random, index));
  }
  return success(rows);
}

function requestIdField(
  controller: CatalogController,
  action: CatalogAction,
): string | undefined {
  const names = (action.bodyFields ?? []).map((f) => f.name);
  const own = ownIdField(controller);
  return names.includes(own) ? own : names.find((name) => name.startsWith('id_'));
}
