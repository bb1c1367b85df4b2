import {
  type CatalogAction, type CatalogController, type CatalogField, fillNames, ownIdField, rowFields,
} from './catalog';
import { type JsonObject, dtoDefaults } from './dotnet';
import type { Random } from './random';
import { fakeValue, guessType } from './values';

/** How one query's rows look: the whole row type, and which of its fields the query fills. */
export interface RowShape {
  fields: readonly CatalogField[];
  fills: readonly string[];
  /** The row's own id, if the query fills one. */
  keyField: string | undefined;
}

/**
 * The shape of an action's rows. `extraFills` widens what is filled beyond the catalog's
 * list, for the few actions this server deliberately answers more fully.
 */
export function rowShape(
  controller: CatalogController,
  action: CatalogAction,
  extraFills: readonly string[] = [],
): RowShape {
  const fills = [...fillNames(action), ...extraFills];
  const fields = [...rowFields(controller, action)];
  const declared = new Set(fields.map((f) => f.name));

  for (const name of fills) {
    if (!declared.has(name)) {
      fields.push({ name, type: guessType(name), inherited: false });
      declared.add(name);
    }
  }
  return { fields, fills, keyField: keyFieldOf(controller, fills) };
}

/**
 * Builds rows the way Newtonsoft serializes them: every field of the row type, filled ones
 * from `known` (real demo data) or else invented, the rest at their .NET defaults.
 */
export function rowBuilder(shape: RowShape): (
  known: JsonObject,
  random: Random,
  index: number,
) => JsonObject {
  const template = dtoDefaults(shape.fields);
  const types = new Map(shape.fields.map((f) => [f.name, f.type]));

  return (known, random, index) => {
    const row: JsonObject = { ...template };
    for (const name of shape.fills) {
      row[name] = name in known
        ? known[name]
        : fakeValue(name, types.get(name) ?? 'string', random, index, name === shape.keyField);
    }
    return row;
  };
}

/** The controller's own id (id_plan_seguro for CVN_PLAN_SEGURO), else the first filled id. */
function keyFieldOf(controller: CatalogController, fills: readonly string[]): string | undefined {
  const own = ownIdField(controller);
  return fills.includes(own) ? own : fills.find((name) => name.startsWith('id_'));
}
