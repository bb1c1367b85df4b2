// The catalog of Romsoft controllers and actions (media/catalog.json), and
// the request body the playground starts each action with.

export interface CatalogField {
  name: string;
  type: string;
  inherited: boolean;
}

export interface CatalogAction {
  action: string;
  anonymous: boolean;
  bodyType: string | null;
  /** Absent when the body is a primitive or a type the catalog did not expand. */
  bodyFields?: CatalogField[];
  /** "int idPaciente" when the action binds the body to a primitive. */
  bodyPrimitive?: string;
  dataAccess?: { procedure: string; reads: { param: string; from: string }[] };
}

export interface Catalog {
  controllers: { controller: string; actions: CatalogAction[] }[];
}

/** What the playground's picker needs: names, and a body to start from. */
export interface ActionTemplate {
  controller: string;
  action: string;
  anonymous: boolean;
  body: unknown;
}

export function actionTemplates(catalog: Catalog): ActionTemplate[] {
  return catalog.controllers.flatMap(({ controller, actions }) =>
    actions.map((action) => ({
      controller,
      action: action.action,
      anonymous: action.anonymous,
      body: templateBody(action),
    })),
  );
}

/**
 * The fields the stored procedure reads, when the catalog knows them (so
 * GetAllFilters starts as {"valorRequest": ""}); otherwise the DTO's own
 * fields. Inherited audit fields are left out: the server fills them.
 */
export function templateBody(action: CatalogAction): unknown {
  if (!action.bodyType) {
    return {};
  }

  if (!action.bodyFields) {
    return PRIMITIVE_TYPES.has(action.bodyType) ? starterValue(action.bodyType) : {};
  }

  const own = action.bodyFields.filter((field) => !field.inherited);
  const readNames = new Set(
    (action.dataAccess?.reads ?? [])
      .map((read) => /^entity\.(\w+)$/.exec(read.from)?.[1])
      .filter((name): name is string => name !== undefined),
  );
  const read = own.filter((field) => readNames.has(field.name));
  const fields = read.length > 0 ? read : own;

  return Object.fromEntries(fields.map((field) => [field.name, starterValue(field.type)]));
}

const PRIMITIVE_TYPES = new Set(['int', 'long', 'short', 'decimal', 'double', 'string', 'bool']);

/** A value the person edits: "" for text is easier to fill than null. */
function starterValue(type: string): unknown {
  if (type.endsWith('?') || type.startsWith('Nullable<')) {
    return null;
  }

  switch (type) {
    case 'int':
    case 'long':
    case 'short':
    case 'decimal':
    case 'double':
    case 'float':
      return 0;
    case 'bool':
      return false;
    case 'DateTime':
      return '0001-01-01T00:00:00';
    case 'string':
      return '';
    default:
      return type.startsWith('List<') ? [] : null;
  }
}
