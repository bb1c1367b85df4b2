export interface DemoUser {
  id: number;
  roleId: number;
  username: string;
  password: string;
  surnames: string;
  givenNames: string;
  status: string;
}

export const DEMO_USERNAME = 'demo';
export const DEMO_PASSWORD = 'romsoft2026';

/** Users that can sign in; the first is the one the demo and the docs name. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 1,
    roleId: 1,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    surnames: 'Quispe Mamani',
    givenNames: 'Rosa Elena',
    status: 'ACTIVO',
  },
  {
    id: 2,
    roleId: 2,
    username: 'jchavez',
    password: 'Admision#2026',
    surnames: 'Chávez Ñahui',
    givenNames: 'José Luis',
    status: 'ACTIVO',
  },
  {
    id: 3,
    roleId: 3,
    username: 'zgutierrez',
    password: 'Triaje.2026',
    surnames: 'Gutiérrez Peña',
    givenNames: 'Zoila Rocío',
    status: 'ACTIVO',
  },
];

/** User names compare ignoring case, passwords exactly, as the login procedure does. */
export function findUser(
  users: readonly DemoUser[],
  username: unknown,
  password: unknown,
): DemoUser | undefined {
  if (typeof username !== 'string' || typeof password !== 'string') {
    return undefined;
  }
  const wanted = username.toLowerCase();
  return users.find((u) => u.username.toLowerCase() === wanted && u.password === password);
}
