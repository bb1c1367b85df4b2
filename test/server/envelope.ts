/** The object every Romsoft action answers with HTTP 200. */
export interface Envelope {
  Success: boolean;
  Warning: boolean;
  Message: string | null;
  Data: unknown;
}

/** Messages the real server sends, and the few this server adds in the same voice. */
export const MESSAGES = {
  serverError: 'Hubo un error, inténtelo más tarde.',
  unknownUser: 'El usuario no pertenece al sistema.',
  duplicate: 'El registro ya existe.',
  created: 'Se registró satisfactoriamente.',
  updated: 'Se actualizó satisfactoriamente.',
  deleted: 'Se eliminó satisfactoriamente.',
  notUpdated: 'No se pudo realizar la actualización.',
  notFound: 'No se encontró el registro.',
  noRecords: 'No se encontraron registros.',
  badDataType: 'El tipo de dato no es válido.',
  notAvailable: 'La operación no está disponible.',
} as const;

/** Done: a query's rows or a write's confirmation. */
export function success(data: unknown, message: string | null = null): Envelope {
  return { Success: true, Warning: false, Message: message, Data: data };
}

/** A business rule refused the request. */
export function warning(message: string): Envelope {
  return { Success: true, Warning: true, Message: message, Data: null };
}

/** The server caught an exception. */
export function failure(): Envelope {
  return { Success: false, Warning: false, Message: MESSAGES.serverError, Data: null };
}
