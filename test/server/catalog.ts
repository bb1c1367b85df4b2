import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One request or response field of a DTO, with its C# type ("int", "DateTime?", ...). */
export interface CatalogField {
  name: string;
  type: string;
  inherited: boolean;
}

export interface CatalogRead {
  param: string;
  dbType?: string;
  from: string;
}

export interface CatalogFill {
  field: string;
  column: string | null;
}

export interface CatalogDataAccess {
  procedure: string;
  reads: CatalogRead[];
  fills: CatalogFill[];
}

export interface CatalogAction {
  action: string;
  anonymous: boolean;
  bodyType: string | null;
  /** Present when the action takes a primitive or an undescribed type, e.g. "int idPaciente". */
  bodyPrimitive?: string;
  bodyFields?: CatalogField[];
  dataAccess?: CatalogDataAccess;
}

export interface CatalogController {
  controller: string;
  path: string;
  actions: CatalogAction[];
}

export interface Catalog {
  controllers: CatalogController[];
}

/** A resolved route: the catalog's own spelling, whatever case the request used. */
export interface Route {
  controller: CatalogController;
  action: CatalogAction;
  /** "Controller/Action" as the catalog spells it. */
  key: string;
}

/**
 * The catalog shipped in media/, found from the compiled location (out/test/server) or
 * from the sources (test/server).
 */
export function loadCatalog(): Catalog {
  if (!cached) {
    cached = JSON.parse(readFileSync(catalogPath(), 'utf8')) as Catalog;
  }
  return cached;
}

export function catalogPath(): string {
  const candidates = [resolve(__dirname, '..', '..', '..'), resolve(__dirname, '..', '..')];
  for (const root of candidates) {
    const file = join(root, 'media', 'catalog.json');
    if (existsSync(file)) {
      return file;
    }
  }
  throw new Error(`media/catalog.json not found above ${__dirname}`);
}

/** Web API selects controllers and actions ignoring case. */
export function findController(catalog: Catalog, name: string): CatalogController | undefined {
  const wanted = name.toLowerCase();
  return catalog.controllers.find((c) => c.controller.toLowerCase() === wanted);
}

export function findAction(
  controller: CatalogController,
  name: string,
): CatalogAction | undefined {
  const wanted = name.toLowerCase();
  return controller.actions.find((a) => a.action.toLowerCase() === wanted);
}

export function routeKey(controller: CatalogController, action: CatalogAction): string {
  return `${controller.controller}/${action.action}`;
}

export function allRoutes(catalog: Catalog): Route[] {
  return catalog.controllers.flatMap((controller) =>
    controller.actions.map((action) => ({
      controller,
      action,
      key: routeKey(controller, action),
    })),
  );
}

/** Names of the fields the action's stored procedure fills, in catalog order. */
export function fillNames(action: CatalogAction): string[] {
  return action.dataAccess?.fills.map((f) => f.field) ?? [];
}

/**
 * The DTO a query's rows are serialized as. The catalog only records request types, so the
 * row type is taken to be the first DTO of the controller (the action's own first) that
 * declares every filled field; when none does, the rows are the filled fields alone.
 */
export function rowFields(controller: CatalogController, action: CatalogAction): CatalogField[] {
  const fills = fillNames(action);
  const candidates = [action, ...controller.actions.filter((a) => a !== action)];

  for (const candidate of candidates) {
    const fields = candidate.bodyFields ?? [];
    const names = new Set(fields.map((f) => f.name));
    if (fields.length > 0 && fills.every((name) => names.has(name))) {
      return fields;
    }
  }
  return [];
}

/** The id column named after the controller: id_plan_seguro for CVN_PLAN_SEGURO. */
export function ownIdField(controller: CatalogController): string {
  return `id_${controller.controller.replace(/^[A-Z]{3}_/, '').toLowerCase()}`;
}

let cached: Catalog | undefined;
