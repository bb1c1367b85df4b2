import { isJsonObject } from '../dotnet';
import { type Envelope, MESSAGES, success, warning } from '../envelope';
import { findUser } from '../users';
import type { ActionContext } from './context';

/**
 * Account/Login. Wrong credentials are a business warning, not an HTTP error.
 * ValidacionAD is accepted and ignored: there is no directory to ask.
 */
export function login(context: ActionContext): Envelope {
  const body = isJsonObject(context.body) ? context.body : {};
  const user = findUser(context.users, body.Username, body.Password);
  if (!user) {
    return warning(MESSAGES.unknownUser);
  }

  return success({
    id_usuario: user.id,
    id_rol: user.roleId,
    usuario: user.username,
    clave: '********',
    apellidos: user.surnames,
    nombres: user.givenNames,
    estado: user.status,
    token: context.tokens.issue(user.username),
  });
}
