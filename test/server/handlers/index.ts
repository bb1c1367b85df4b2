import { type Envelope, failure } from '../envelope';
import { login } from './account';
import type { ActionContext, ActionHandler } from './context';
import { genericAction } from './generic';
import { patientById, patientVisitSearch, searchPatients } from './patients';
import { activePlans, addPlan, filterPlans, planBenefits, planById } from './plans';

export type { ActionContext } from './context';

/**
 * Runs one action as the Romsoft controllers do: a DTO parameter that bound to null makes
 * the action throw, and any exception becomes the generic Success:false envelope.
 */
export function runAction(context: ActionContext): Envelope {
  const { action, key } = context.route;
  const takesDto = action.bodyType !== null && action.bodyType !== 'int';
  if (takesDto && context.body === null) {
    return failure();
  }

  const handler = HANDLERS.get(key.toLowerCase()) ?? genericAction;
  try {
    return handler(context);
  } catch {
    return failure();
  }
}

/** Actions backed by the demo data; every other catalog action is answered generically. */
const HANDLERS = new Map<string, ActionHandler>([
  ['account/login', login],
  ['cvn_plan_seguro/getallactives', activePlans],
  ['cvn_plan_seguro/getallfilters', filterPlans],
  ['cvn_plan_seguro/getbyid', planById],
  ['cvn_plan_seguro/add', addPlan],
  ['cvn_plan_seguro_detalle/getallactivesfilters', planBenefits],
  ['adm_paciente/getallfilters', searchPatients],
  ['adm_paciente/getbyid', patientById],
  ['adm_paciente/getallpacienteatencionfilters', patientVisitSearch],
]);
