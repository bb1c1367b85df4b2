/** Word lists the demo data is drawn from: Peruvian names, places, insurers and services. */

export const SURNAMES: readonly string[] = [
  'Quispe', 'Mamani', 'Huamán', 'Ñahui', 'Cárdenas', 'Núñez', 'Peña', 'Chávez',
  'Gutiérrez', 'Rodríguez', 'Flores', 'García', 'Sánchez', 'Ramírez', 'Díaz', 'Vásquez',
  'Castillo', 'Rojas', 'Mendoza', 'Torres', 'Zúñiga', 'Ibáñez', 'Muñoz', 'Condori',
  'Apaza', 'Ticona', 'Yupanqui', 'Huanca', 'Cáceres', 'Pérez', 'López', 'Gonzales',
  'Fernández', 'Álvarez', 'Ñique', 'Ccori', 'Ríos', 'Paredes', 'León', 'Benítez',
  'Jiménez', 'Ordóñez', 'Carhuancho', 'Ayala', 'Córdova', 'Salazar', 'Espinoza', 'Tapia',
];

export const MALE_NAMES: readonly string[] = [
  'José Luis', 'Jesús', 'Iñigo', 'Juan Carlos', 'Luis Ángel', 'César Augusto', 'Raúl',
  'Víctor Hugo', 'Martín', 'Andrés', 'Joaquín', 'Héctor', 'Nicolás', 'Julián', 'Efraín',
  'Germán', 'Wilfredo', 'Teodoro', 'Ramón', 'Óscar',
];

export const FEMALE_NAMES: readonly string[] = [
  'María Ángeles', 'Rocío', 'Zoila', 'Begoña', 'Rosa Elena', 'Lucía', 'Inés', 'Mónica',
  'Sofía', 'Verónica', 'Ana Belén', 'Flor de María', 'Noemí', 'Raquel', 'Milagros',
  'Yésica', 'Gladys', 'Maribel', 'Dánae', 'Zoraida',
];

export const STREET_TYPES: readonly string[] = ['Av.', 'Jr.', 'Calle', 'Pasaje'];

export const STREETS: readonly string[] = [
  'Los Próceres', 'Túpac Amaru', 'Grau', 'José Gálvez', 'Las Begonias', 'Alfonso Ugarte',
  'Huáscar', 'Los Olivos', 'San Martín', 'Sáenz Peña', 'La Marina', 'Arequipa', 'Brasil',
  'Colonial', 'Las Magnolias', 'Manco Cápac', 'Huancavelica', 'Ayacucho', 'Los Ángeles',
];

export const DISTRICTS: readonly string[] = [
  'San Juan de Lurigancho', 'Comas', 'Villa El Salvador', 'Miraflores', 'Surquillo',
  'Breña', 'Jesús María', 'Ate', 'Chorrillos', 'San Martín de Porres', 'Los Olivos',
  'Independencia', 'Cercado de Lima', 'Lince', 'Pueblo Libre', 'Callao', 'Rímac',
];

/** Insurers (garantes) with a five-digit IAFA code of our own invention. */
export const INSURERS: readonly { name: string; iafaCode: string }[] = [
  { name: 'Pacífico EPS', iafaCode: '20001' },
  { name: 'Rímac Seguros', iafaCode: '20002' },
  { name: 'La Positiva Seguros', iafaCode: '20003' },
  { name: 'Mapfre Perú', iafaCode: '20004' },
  { name: 'Sanitas Perú', iafaCode: '20005' },
  { name: 'SIS', iafaCode: '10001' },
  { name: 'EsSalud', iafaCode: '10002' },
  { name: 'Oncosalud', iafaCode: '30001' },
];

/** Contractors (contratantes): invented companies and institutions. */
export const CONTRACTORS: readonly string[] = [
  'Textiles Andinos S.A.C.', 'Transportes Chaski S.A.C.', 'Inversiones Huascarán S.A.',
  'Agroexportadora Valle Sur S.A.', 'Corporación Pachacámac S.A.C.',
  'Colegio San Martín de Porres', 'Asociación de Docentes del Cusco', 'Particular',
];

export const PLAN_NAMES: readonly string[] = [
  'Plan Salud Integral', 'EPS Potestativo', 'Multisalud Familiar', 'Red Preferente',
  'Plan Base', 'Salud Total', 'Plan Escolar', 'Seguro Oncológico', 'Plan Empresarial',
  'Plan Dorado Senior', 'Medicvida', 'Plan Maternidad Plus',
];

export const PRODUCTS: readonly string[] = [
  'Asistencia médica', 'Salud ambulatoria', 'Oncológico', 'Maternidad', 'Accidentes',
  'Atención integral',
];

export const BENEFITS: readonly { id: number; code: string; name: string }[] = [
  { id: 1, code: 'CEX', name: 'Consulta externa' },
  { id: 2, code: 'EME', name: 'Emergencia' },
  { id: 3, code: 'HOS', name: 'Hospitalización' },
  { id: 4, code: 'MAT', name: 'Maternidad' },
  { id: 5, code: 'FAR', name: 'Farmacia ambulatoria' },
  { id: 6, code: 'ODO', name: 'Odontología' },
  { id: 7, code: 'LAB', name: 'Laboratorio clínico' },
  { id: 8, code: 'IMG', name: 'Imágenes y diagnóstico' },
];

export const PLAN_NOTES: readonly string[] = [
  'Requiere carta de garantía para hospitalización.',
  'Copago diferenciado en farmacia.',
  'Cobertura oncológica al 100 %.',
  'Atención en red preferente únicamente.',
];

export const SPECIALTIES: readonly string[] = [
  'Medicina general', 'Pediatría', 'Ginecología', 'Cardiología', 'Traumatología',
  'Dermatología', 'Oftalmología', 'Gastroenterología',
];

export const DIAGNOSES: readonly { code: string; name: string }[] = [
  { code: 'J00', name: 'Rinofaringitis aguda' },
  { code: 'K29.7', name: 'Gastritis, no especificada' },
  { code: 'I10', name: 'Hipertensión esencial (primaria)' },
  { code: 'E11.9', name: 'Diabetes mellitus tipo 2 sin complicaciones' },
  { code: 'M54.5', name: 'Lumbago no especificado' },
  { code: 'N39.0', name: 'Infección de vías urinarias' },
];

/** Nouns and qualifiers for descriptions of catalog rows we know nothing else about. */
export const NOUNS: readonly string[] = [
  'Consulta', 'Control', 'Servicio', 'Evaluación', 'Análisis', 'Atención', 'Procedimiento',
  'Revisión', 'Curación', 'Terapia', 'Ecografía', 'Vacunación',
];

export const QUALIFIERS: readonly string[] = [
  'ambulatoria', 'clínica', 'preventiva', 'de emergencia', 'especializada', 'básica',
  'domiciliaria', 'pediátrica', 'integral', 'de rutina',
];
