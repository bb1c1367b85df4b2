import { type DemoBenefit, type DemoPlan, findPlan } from '../demoData';
import { DOTNET_MIN_DATE, type JsonObject } from '../dotnet';
import { type Envelope, MESSAGES, success, warning } from '../envelope';
import { rowBuilder, rowShape } from '../rows';
import { foldText } from '../text';
import { type ActionContext, bodyField, rowRandom } from './context';
import { genericAction } from './generic';

/** CVN_PLAN_SEGURO/GetAllActives: active plans, sparse (three filled fields). */
export function activePlans(context: ActionContext): Envelope {
  const plans = context.data.plans.filter((plan) => plan.active);
  return success(planRows(context, plans));
}

/** CVN_PLAN_SEGURO/GetAllFilters: plans of any state whose text matches valorRequest. */
export function filterPlans(context: ActionContext): Envelope {
  const query = foldText(String(bodyField(context, 'valorRequest') ?? '').trim());
  const plans = context.data.plans.filter((plan) =>
    [plan.code, plan.description, plan.insurerName, plan.contractorName]
      .some((text) => foldText(text).includes(query)),
  );
  return success(planRows(context, plans));
}

/**
 * CVN_PLAN_SEGURO/GetById: one plan. Besides the procedure's own columns it carries the
 * insurer, contractor and product names, the state text and the creating user, so a plan's
 * detail view has everything in one call.
 */
export function planById(context: ActionContext): Envelope {
  const plan = findPlan(context.data, Number(bodyField(context, 'id_plan_seguro')));
  if (!plan) {
    return warning(MESSAGES.notFound);
  }
  const shape = rowShape(context.route.controller, context.route.action, DETAIL_EXTRAS);
  return success(rowBuilder(shape)(planRecord(plan), rowRandom(context, plan.id), 0));
}

/** CVN_PLAN_SEGURO/Add: refuses a code an existing plan already has. */
export function addPlan(context: ActionContext): Envelope {
  const code = bodyField(context, 'c_codigo');
  const wanted = typeof code === 'string' ? code.trim().toLowerCase() : undefined;
  if (wanted && context.data.plans.some((plan) => plan.code.toLowerCase() === wanted)) {
    return warning(MESSAGES.duplicate);
  }
  return genericAction(context);
}

/** CVN_PLAN_SEGURO_DETALLE/GetAllActivesFilters: the benefit lines of one plan. */
export function planBenefits(context: ActionContext): Envelope {
  const plan = findPlan(context.data, Number(bodyField(context, 'id_plan_seguro')));
  const lines = plan?.benefits ?? [];
  const build = rowBuilder(rowShape(context.route.controller, context.route.action));
  return success(lines.map((line, index) =>
    build(benefitRecord(line), rowRandom(context, line.id), index)));
}

const DETAIL_EXTRAS = [
  'garante', 'contratante', 'producto', 'estado', 'UsuarioCreacion', 'UsuarioModificacion',
];

function planRows(context: ActionContext, plans: readonly DemoPlan[]): JsonObject[] {
  const build = rowBuilder(rowShape(context.route.controller, context.route.action));
  return plans.map((plan, index) => build(planRecord(plan), rowRandom(context, plan.id), index));
}

/** A plan under the API's own field names; each query picks the columns it fills. */
function planRecord(plan: DemoPlan): JsonObject {
  return {
    id_plan_seguro: plan.id,
    id_contacto_garante: plan.insurerId,
    id_contacto_contratante: plan.contractorId,
    id_categoria_pago: plan.paymentCategoryId,
    c_codigo: plan.code,
    t_descripcion: plan.description,
    t_observacion: plan.notes,
    c_codigo_iafa: plan.iafaCode,
    d_fecha_i_vigencia: plan.validFrom,
    d_fecha_f_vigencia: plan.validTo ?? DOTNET_MIN_DATE,
    c_contrato: plan.contract,
    c_certificado: plan.certificate,
    id_producto_plan: plan.productId,
    f_estado: plan.active ? 1 : 0,
    estado: plan.active ? 'ACTIVO' : 'INACTIVO',
    garante: plan.insurerName,
    contratante: plan.contractorName,
    producto: plan.productName,
    FechaCreacion: plan.createdAt,
    FechaModificacion: plan.modifiedAt,
    UsuarioCreacion: plan.createdBy,
    UsuarioModificacion: plan.modifiedAt ? 'admin' : null,
    id_usuarioCreacion: plan.createdById,
    id_usuarioModifica: plan.modifiedAt ? 1 : 0,
  };
}

function benefitRecord(line: DemoBenefit): JsonObject {
  return {
    id_plan_seguro_detalle: line.id,
    id_plan_seguro: line.planId,
    id_beneficio: line.benefitId,
    codigo: line.code,
    beneficio: line.name,
    moneda: line.currency,
    n_copago_fijo: line.fixedCopay,
    n_copago_variable: line.variableCopay,
    n_copago_variable_farmacia: line.pharmacyCopay,
    f_estado: 1,
    estado: 'ACTIVO',
  };
}
