import { isoDateTime } from './dotnet';
import {
  BENEFITS, CONTRACTORS, DIAGNOSES, DISTRICTS, FEMALE_NAMES, INSURERS, MALE_NAMES,
  PLAN_NAMES, PLAN_NOTES, PRODUCTS, SPECIALTIES, STREETS, STREET_TYPES, SURNAMES,
} from './names';
import { Random, deriveSeed } from './random';
import { foldText, padNumber } from './text';

export interface DemoPatient {
  id: number;
  /** The clinical history number, and its zero-padded text form. */
  historyNumber: number;
  clinicalRecord: string;
  paternalSurname: string;
  maternalSurname: string;
  givenNames: string;
  documentType: 'DNI' | 'CE';
  documentNumber: string;
  sex: 'M' | 'F';
  /** ISO date without zone, e.g. "1985-03-12T00:00:00". */
  birthDate: string;
  address: string;
  mobilePhone: string;
  /** Folded "record, paternal maternal given names, document", searched by substring. */
  searchText: string;
}

export interface DemoBenefit {
  id: number;
  planId: number;
  benefitId: number;
  code: string;
  name: string;
  currency: string;
  fixedCopay: number;
  variableCopay: number;
  pharmacyCopay: number;
}

export interface DemoPlan {
  id: number;
  code: string;
  description: string;
  insurerId: number;
  insurerName: string;
  contractorId: number;
  contractorName: string;
  iafaCode: string;
  paymentCategoryId: number;
  validFrom: string;
  /** Null for an open-ended plan. */
  validTo: string | null;
  contract: string;
  certificate: string;
  productId: number;
  productName: string;
  notes: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string;
  createdById: number;
  modifiedAt: string | null;
  benefits: DemoBenefit[];
}

/** One visit (atención) of a patient, derived on demand rather than stored. */
export interface DemoVisit {
  id: number;
  patientId: number;
  registeredAt: string;
  time: string;
  plan: DemoPlan | undefined;
  specialty: string;
  specialtyId: number;
  professional: string;
  professionalId: number;
  diagnosisCode: string;
  diagnosisName: string;
  diagnosisId: number;
}

export interface DemoData {
  seed: number;
  patients: readonly DemoPatient[];
  plans: readonly DemoPlan[];
}

export interface DemoSizes {
  seed: number;
  patients: number;
  plans: number;
}

/**
 * Generates patients and plans from a seed alone. Patient 1 is the same for every seed
 * (tests target it); everything else follows the seed.
 */
export function generateDemoData(sizes: DemoSizes): DemoData {
  const patients = generatePatients(sizes.seed, sizes.patients);
  const plans = generatePlans(sizes.seed, sizes.plans);
  return { seed: sizes.seed, patients, plans };
}

/** Patient 1, fixed so tests can name it: a paternal surname with both ñ and an accent. */
export const FIRST_PATIENT = {
  paternalSurname: 'Núñez',
  maternalSurname: 'Huamán',
  givenNames: 'Jesús Ángel',
  documentNumber: '41526378',
  sex: 'M',
  birthDate: '1985-03-12T00:00:00',
  address: 'Av. Los Próceres 1234, San Juan de Lurigancho',
  mobilePhone: '987654321',
} as const;

export function findPatient(data: DemoData, id: number): DemoPatient | undefined {
  // Ids are positions plus one; the lookup still checks, in case that ever changes.
  const patient = data.patients[id - 1];
  return patient?.id === id ? patient : undefined;
}

export function findPlan(data: DemoData, id: number): DemoPlan | undefined {
  return data.plans.find((plan) => plan.id === id);
}

/** The patient's visits: none to three, the same ones every time for a given seed. */
export function patientVisits(data: DemoData, patient: DemoPatient): DemoVisit[] {
  const random = new Random(deriveSeed(data.seed, `visits:${patient.id}`));
  const count = patient.id === 1 ? 2 : random.int(0, 3);
  const activePlans = data.plans.filter((plan) => plan.active);
  const visits: DemoVisit[] = [];

  for (let index = 0; index < count; index++) {
    const specialtyIndex = random.int(0, SPECIALTIES.length - 1);
    const diagnosisIndex = random.int(0, DIAGNOSES.length - 1);
    const doctor = random.pick(random.chance(0.5) ? MALE_NAMES : FEMALE_NAMES);
    visits.push({
      id: patient.id * 10 + index + 1,
      patientId: patient.id,
      registeredAt: randomDate(random, 2023, 2025),
      time: `${padNumber(random.int(7, 19), 2)}:${padNumber(random.int(0, 59), 2)}`,
      plan: random.chance(0.7) && activePlans.length > 0 ? random.pick(activePlans) : undefined,
      specialty: SPECIALTIES[specialtyIndex],
      specialtyId: specialtyIndex + 1,
      professional: `${doctor} ${random.pick(SURNAMES)} ${random.pick(SURNAMES)}`,
      professionalId: random.int(1, 40),
      diagnosisCode: DIAGNOSES[diagnosisIndex].code,
      diagnosisName: DIAGNOSES[diagnosisIndex].name,
      diagnosisId: diagnosisIndex + 1,
    });
  }
  return visits;
}

/**
 * Joins the fields of a patient's search text: no one types it, so a query never matches
 * across two different fields.
 */
export const SEARCH_SEPARATOR = '\u0001';

export function fullName(patient: DemoPatient): string {
  return `${patient.paternalSurname} ${patient.maternalSurname} ${patient.givenNames}`;
}

/** Clinical history numbers start here, so they never coincide with patient ids. */
const FIRST_HISTORY_NUMBER = 10001;

function generatePatients(seed: number, count: number): DemoPatient[] {
  const random = new Random(deriveSeed(seed, 'patients'));
  const documents = documentSequence(random);
  const patients: DemoPatient[] = [];

  for (let id = 1; id <= count; id++) {
    patients.push(id === 1 ? firstPatient() : randomPatient(random, id, documents(id)));
  }
  return patients;
}

function firstPatient(): DemoPatient {
  return withSearchText({
    ...FIRST_PATIENT,
    id: 1,
    historyNumber: FIRST_HISTORY_NUMBER,
    clinicalRecord: padNumber(FIRST_HISTORY_NUMBER, 6),
    documentType: 'DNI',
    searchText: '',
  });
}

function randomPatient(random: Random, id: number, document: number): DemoPatient {
  const sex = random.chance(0.5) ? 'F' : 'M';
  const givenNames = random.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES);
  const foreign = random.chance(0.05);
  const historyNumber = FIRST_HISTORY_NUMBER + id - 1;
  const street = `${random.pick(STREET_TYPES)} ${random.pick(STREETS)} ${random.int(1, 3999)}`;

  return withSearchText({
    id,
    historyNumber,
    clinicalRecord: padNumber(historyNumber, 6),
    paternalSurname: random.pick(SURNAMES),
    maternalSurname: random.pick(SURNAMES),
    givenNames,
    // A foreigner's carné de extranjería has nine digits; a DNI has eight.
    documentType: foreign ? 'CE' : 'DNI',
    documentNumber: foreign ? `0${document}` : String(document),
    sex,
    birthDate: randomDate(random, 1940, 2023),
    address: `${street}, ${random.pick(DISTRICTS)}`,
    mobilePhone: `9${random.digits(8)}`,
    searchText: '',
  });
}

function withSearchText(patient: DemoPatient): DemoPatient {
  const fields = [patient.clinicalRecord, fullName(patient), patient.documentNumber];
  return { ...patient, searchText: foldText(fields.join(SEARCH_SEPARATOR)) };
}

/**
 * Unique eight-digit document numbers without a lookup table: an affine permutation of the
 * range, skipping patient 1's fixed number so no one else can have it.
 */
function documentSequence(random: Random): (id: number) => number {
  const lowest = 10_000_000;
  const size = 89_999_999;
  const fixed = Number(FIRST_PATIENT.documentNumber);
  let step = random.int(1_000_003, 9_999_991);
  while (greatestCommonDivisor(step, size) !== 1) {
    step++;
  }
  const offset = random.int(0, size - 1);

  return (id) => {
    const value = lowest + ((step * (id - 2) + offset) % size);
    return value >= fixed ? value + 1 : value;
  };
}

function generatePlans(seed: number, count: number): DemoPlan[] {
  const random = new Random(deriveSeed(seed, 'plans'));
  const plans: DemoPlan[] = [];
  let nextBenefitLine = 1;

  for (let id = 1; id <= count; id++) {
    const insurerIndex = random.int(0, INSURERS.length - 1);
    const contractorIndex = random.int(0, CONTRACTORS.length - 1);
    const productIndex = random.int(0, PRODUCTS.length - 1);
    const validFrom = randomDate(random, 2018, 2024);
    const year = Number(validFrom.slice(0, 4));
    // Plan 1 is active and plan 3 inactive, so both kinds exist whatever the seed.
    const active = id === 1 || (id !== 3 && random.chance(0.8));

    const plan: DemoPlan = {
      id,
      code: `PS${padNumber(id, 4)}`,
      description: `${INSURERS[insurerIndex].name} - ${random.pick(PLAN_NAMES)}`,
      insurerId: 101 + insurerIndex,
      insurerName: INSURERS[insurerIndex].name,
      contractorId: 201 + contractorIndex,
      contractorName: CONTRACTORS[contractorIndex],
      iafaCode: INSURERS[insurerIndex].iafaCode,
      paymentCategoryId: random.int(1, 6),
      validFrom,
      validTo: random.chance(0.3) ? null : randomDate(random, year + 1, year + 4),
      contract: `CT-${year}-${padNumber(random.int(1, 999), 4)}`,
      certificate: `CERT-${random.digits(6)}`,
      productId: productIndex + 1,
      productName: PRODUCTS[productIndex],
      notes: random.chance(0.4) ? null : random.pick(PLAN_NOTES),
      active,
      createdAt: `${validFrom.slice(0, 10)}T${padNumber(random.int(8, 18), 2)}:15:00`,
      createdBy: random.chance(0.5) ? 'demo' : 'admin',
      createdById: random.int(1, 3),
      modifiedAt: random.chance(0.5) ? null : randomDate(random, year, 2025),
      benefits: [],
    };
    plan.benefits = planBenefits(random, plan.id, nextBenefitLine);
    nextBenefitLine += plan.benefits.length;
    plans.push(plan);
  }
  return plans;
}

function planBenefits(random: Random, planId: number, firstLine: number): DemoBenefit[] {
  const count = random.int(2, 6);
  const start = random.int(0, BENEFITS.length - 1);
  const dollars = random.chance(0.15);
  const lines: DemoBenefit[] = [];

  for (let index = 0; index < count; index++) {
    const benefit = BENEFITS[(start + index) % BENEFITS.length];
    lines.push({
      id: firstLine + index,
      planId,
      benefitId: benefit.id,
      code: benefit.code,
      name: benefit.name,
      currency: dollars ? 'DÓLARES' : 'SOLES',
      fixedCopay: random.pick([0, 20, 30, 35, 50, 80]),
      variableCopay: random.pick([0, 10, 15, 20]),
      pharmacyCopay: random.pick([0, 10, 20, 30]),
    });
  }
  return lines;
}

function randomDate(random: Random, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  const day = random.int(0, Math.floor((to - from) / DAY_MS));
  return isoDateTime(new Date(from + day * DAY_MS));
}

const DAY_MS = 86_400_000;

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}
