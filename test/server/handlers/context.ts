import type { Route } from '../catalog';
import type { DemoData } from '../demoData';
import { isJsonObject } from '../dotnet';
import type { Envelope } from '../envelope';
import { Random, deriveSeed } from '../random';
import type { TokenService } from '../tokens';
import type { DemoUser } from '../users';

/** Everything an action needs; the body is already bound to the action's parameter. */
export interface ActionContext {
  route: Route;
  /** The bound DTO, primitive or null; undefined for actions that take no body. */
  body: unknown;
  data: DemoData;
  users: readonly DemoUser[];
  tokens: TokenService;
}

export type ActionHandler = (context: ActionContext) => Envelope;

/** A field of the bound DTO body, or undefined when the body is not an object. */
export function bodyField(context: ActionContext, name: string): unknown {
  return isJsonObject(context.body) ? context.body[name] : undefined;
}

/** The random stream for one row, so a row's invented values never depend on its query. */
export function rowRandom(context: ActionContext, id: number): Random {
  return new Random(deriveSeed(context.data.seed, `${context.route.key}:${id}`));
}
