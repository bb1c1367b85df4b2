// The plan tree as VS Code asks it: roots from GetAllActives, children
// from GetById, failures as one item with a way forward.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { secretKey } from '../../../src/session';
import type { TestApi } from '../../../src/extension';
import type { PlanNode } from '../../../src/views/planTree';
import {
  demoPassword,
  demoUser,
  scriptedPrompts,
  serverUrl,
  setServerFaults,
  testApi,
  useLocalServer,
} from './context';

suite('Insurance plan tree', () => {
  let api: TestApi;

  suiteSetup(async () => {
    api = await testApi();
    await useLocalServer();
    assert.ok(await api.signIn(scriptedPrompts({ username: demoUser, password: demoPassword })));
  });

  teardown(async () => {
    await setServerFaults(undefined);
  });

  test('roots are the active plans, labelled by description with the code beside', async () => {
    const roots = await children();
    const expected = await directCall('CVN_PLAN_SEGURO/GetAllActives', {});
    assert.equal(roots.length, expected.length);

    const first = roots[0];
    assert.equal(first.type, 'plan');
    const item = api.plans.getTreeItem(first);
    assert.equal(item.label, expected[0].t_descripcion);
    assert.equal(item.description, expected[0].c_codigo);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  test('a plan expands to its GetById fields; 0001-01-01 shows as a dash', async () => {
    const roots = await children();
    const all = await Promise.all(
      roots.map(async (root) => ({
        root,
        details: await directCall('CVN_PLAN_SEGURO/GetById', {
          id_plan_seguro: root.type === 'plan' ? root.plan.id : 0,
        }),
      })),
    );
    const openEnded = all.find(({ details }) =>
      String((details as unknown as Record<string, unknown>).d_fecha_f_vigencia).startsWith('0001'),
    );
    assert.ok(openEnded, 'the demo data has a plan without an end date');

    const fields = await children(openEnded.root);
    const byLabel = new Map(
      fields.map((node) => {
        const item = api.plans.getTreeItem(node);
        return [String(item.label), String(item.description)];
      }),
    );
    const plan = openEnded.details as unknown as Record<string, string>;
    assert.equal(byLabel.get('Guarantor'), plan.garante);
    assert.equal(byLabel.get('Contractor'), plan.contratante);
    assert.equal(byLabel.get('IAFA code'), plan.c_codigo_iafa);
    assert.equal(byLabel.get('Contract'), plan.c_contrato);
    assert.equal(byLabel.get('Valid from'), plan.d_fecha_i_vigencia.slice(0, 10));
    assert.equal(byLabel.get('Valid until'), '—');
    for (const value of byLabel.values()) {
      assert.doesNotMatch(value, /^0001-01-01/, 'a default date is shown');
    }
  });

  test('an HTML 500 becomes one error item that offers the log', async () => {
    await setServerFaults({ html500: true, only: 'CVN_PLAN_SEGURO/GetAllActives' });
    const roots = await children();
    assert.equal(roots.length, 1);
    const item = api.plans.getTreeItem(roots[0]);
    assert.match(String(item.label), /HTTP 500/);
    assert.equal(item.command?.command, 'romsoft.showLog');
  });

  test('a stalled server ends in a timeout item that offers a retry', async () => {
    const config = vscode.workspace.getConfiguration('romsoft');
    await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await setServerFaults({ stall: true, only: 'CVN_PLAN_SEGURO/GetAllActives' });
      const roots = await children();
      const item = api.plans.getTreeItem(roots[0]);
      assert.match(String(item.label), /did not answer in time/);
      assert.equal(item.command?.command, 'romsoft.plans.refresh');
    } finally {
      await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('an empty 401 clears the token and the tree asks to sign in', async () => {
    await setServerFaults({ empty401: true });
    await children();
    assert.equal(await api.secrets.get(secretKey(serverUrl)), undefined);
    assert.equal(api.session.state.signedIn, false);
    assert.deepEqual(await children(), [], 'signed out: the welcome view shows instead');
  });

  async function children(node?: PlanNode): Promise<PlanNode[]> {
    if (!node) {
      api.plans.refresh();
    }
    return await api.plans.getChildren(node);
  }
});

/** Asks the server directly, so the tree is compared with what it really sent. */
async function directCall(route: string, body: object): Promise<Record<string, unknown>[]> {
  const login = await fetch(`${serverUrl}/api/Account/Login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Username: demoUser, Password: demoPassword }),
  });
  const token = ((await login.json()) as { Data: { token: string } }).Data.token;
  const response = await fetch(`${serverUrl}/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { Data: Record<string, unknown>[] };
  return envelope.Data;
}
