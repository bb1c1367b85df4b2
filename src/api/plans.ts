// Insurance plans: the two CVN_PLAN_SEGURO queries and the mapping from the
// API's field names to ours. Nothing else in the extension spells them.
import { readDate, readId, readText } from './dotnet';

export const PLAN_CONTROLLER = 'CVN_PLAN_SEGURO';
export const LIST_ACTIVE_PLANS = 'GetAllActives';
export const GET_PLAN = 'GetById';

/** A row of GetAllActives, which fills only these three fields. */
export interface PlanSummary {
  id: number;
  code: string | undefined;
  description: string | undefined;
}

/** What GetById adds. Dates are "YYYY-MM-DD" or undefined for no date. */
export interface PlanDetails extends PlanSummary {
  guarantor: string | undefined;
  contractor: string | undefined;
  validFrom: string | undefined;
  validUntil: string | undefined;
  iafaCode: string | undefined;
  contract: string | undefined;
  certificate: string | undefined;
  product: string | undefined;
  status: string | undefined;
  notes: string | undefined;
}

export function planByIdBody(id: number): { id_plan_seguro: number } {
  return { id_plan_seguro: id };
}

/**
 * Rows without a usable id are dropped (nothing could be asked about
 * them), and so are repeats of an id: the tree needs one row per plan.
 */
export function readPlanSummaries(data: unknown): PlanSummary[] | undefined {
  if (!Array.isArray(data)) {
    return undefined;
  }

  const seen = new Set<number>();
  return data.flatMap((row) => {
    const summary = readPlanSummary(row);
    if (!summary || seen.has(summary.id)) {
      return [];
    }
    seen.add(summary.id);
    return [summary];
  });
}

/** GetById answers the plan itself, or a one-row array on some servers. */
export function readPlanDetails(data: unknown): PlanDetails | undefined {
  const row = Array.isArray(data) ? data[0] : data;
  const summary = readPlanSummary(row);
  if (!summary) {
    return undefined;
  }

  const fields = row as Record<string, unknown>;
  return {
    ...summary,
    guarantor: readText(fields.garante),
    contractor: readText(fields.contratante),
    validFrom: readDate(fields.d_fecha_i_vigencia),
    validUntil: readDate(fields.d_fecha_f_vigencia),
    iafaCode: readText(fields.c_codigo_iafa),
    contract: readText(fields.c_contrato),
    certificate: readText(fields.c_certificado),
    product: readText(fields.producto),
    status: readText(fields.estado),
    notes: readText(fields.t_observacion),
  };
}

function readPlanSummary(row: unknown): PlanSummary | undefined {
  if (typeof row !== 'object' || row === null) {
    return undefined;
  }

  const fields = row as Record<string, unknown>;
  const id = readId(fields.id_plan_seguro);
  if (id === undefined) {
    return undefined;
  }
  return { id, code: readText(fields.c_codigo), description: readText(fields.t_descripcion) };
}
