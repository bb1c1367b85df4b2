import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { actionTemplates, Catalog } from '../../src/api/catalog';
import { repoRoot } from '../support/paths';

const catalog = JSON.parse(
  readFileSync(path.join(repoRoot, 'media', 'catalog.json'), 'utf8'),
) as Catalog;
const templates = actionTemplates(catalog);
const find = (route: string) => templates.find((t) => `${t.controller}/${t.action}` === route);

test('every one of the 111 actions of the 54 controllers can be picked', () => {
  assert.equal(new Set(templates.map((t) => t.controller)).size, 54);
  assert.equal(templates.length, 111);
});

test('the patient search starts with the one field its procedure reads', () => {
  assert.deepEqual(find('ADM_PACIENTE/GetAllFilters')?.body, { valorRequest: '' });
});

test('a plan lookup starts with the plan id', () => {
  assert.deepEqual(find('CVN_PLAN_SEGURO/GetById')?.body, { id_plan_seguro: 0 });
});

test('actions without a body start from {}; Login is the anonymous one', () => {
  assert.deepEqual(find('CVN_PLAN_SEGURO/GetAllActives')?.body, {});
  const login = find('Account/Login');
  assert.equal(login?.anonymous, true);
  assert.ok(login && typeof login.body === 'object' && 'Username' in (login.body as object));
  assert.deepEqual(templates.filter((t) => t.anonymous).map((t) => t.action), ['Login']);
});

test('an action bound to a primitive starts from that primitive', () => {
  assert.equal(find('ADM_ATENCION/GetAllPaciente')?.body, 0);
});

test('every template is JSON the playground can show and send back', () => {
  for (const template of templates) {
    assert.deepEqual(JSON.parse(JSON.stringify(template.body)), template.body);
  }
});

test('the shipped catalog is the shared one, when it is beside the project', () => {
  const shared = path.join(repoRoot, '..', 'shared', 'romsoft-api', 'catalog.json');
  let sharedText: string;
  try {
    sharedText = readFileSync(shared, 'utf8');
  } catch {
    return;
  }
  assert.deepEqual(JSON.parse(sharedText), catalog);
});
