import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';

import {
  DEMO_PASSWORD, DEMO_USERNAME, type DemoPatient, type RomsoftTestServer, startRomsoftServer,
} from '../server';
import { allRoutes, findController, loadCatalog, rowFields } from '../server/catalog';
import { generateDemoData } from '../server/demoData';
import { DOTNET_MIN_DATE, dotnetDefault } from '../server/dotnet';
import { decodeJwtPayload } from '../server/jwt';

const SERVER_ERROR = 'Hubo un error, inténtelo más tarde.';
const DENIED = { Message: 'Authorization has been denied for this request.' };

describe('local Romsoft server', () => {
  let server: RomsoftTestServer;
  let token: string;

  before(async () => {
    server = await startRomsoftServer({ seed: 1, tokenLifetimeMinutes: 60 });
    token = server.issueToken(DEMO_USERNAME);
  });
  after(() => server.close());

  /** POST with the demo user's token. */
  const call = (path: string, body?: unknown): Promise<Reply> =>
    send(server.url, path, { body, authorization: `Bearer ${token}` });

  describe('sign-in', () => {
    it('answers the user and a token for good credentials, user name in any case', async () => {
      const reply = await send(server.url, '/api/Account/Login', {
        body: { Username: 'DEMO', Password: DEMO_PASSWORD, ValidacionAD: false },
      });
      const envelope = envelopeOf(reply);

      assert.equal(envelope.Success, true);
      assert.equal(envelope.Warning, false);
      const user = envelope.Data as Record<string, unknown>;
      assert.deepEqual(Object.keys(user).sort(), [
        'apellidos', 'clave', 'estado', 'id_rol', 'id_usuario', 'nombres', 'token', 'usuario',
      ]);
      assert.equal(user.usuario, DEMO_USERNAME);
      assert.equal(user.clave, '********');
      assert.equal(user.nombres, 'Rosa Elena');
      assert.equal(user.apellidos, 'Quispe Mamani');

      const signedIn = await send(server.url, '/api/CVN_PLAN_SEGURO/GetAllActives', {
        authorization: `Bearer ${String(user.token)}`,
      });
      assert.equal(envelopeOf(signedIn).Success, true);
    });

    it('refuses a wrong password with a business warning, not an HTTP error', async () => {
      for (const password of ['wrong', DEMO_PASSWORD.toUpperCase()]) {
        const reply = await send(server.url, '/api/Account/Login', {
          body: { Username: DEMO_USERNAME, Password: password },
        });
        assert.equal(reply.status, 200);
        assert.deepEqual(envelopeOf(reply), {
          Success: true,
          Warning: true,
          Message: 'El usuario no pertenece al sistema.',
          Data: null,
        });
      }
    });

    it('signs every demo user in', async () => {
      assert.equal(server.users.length, 3);
      for (const user of server.users) {
        const reply = await send(server.url, '/api/Account/Login', {
          body: { Username: user.username, Password: user.password },
        });
        assert.equal((envelopeOf(reply).Data as { usuario: string }).usuario, user.username);
      }
    });

    it('issues HS256 tokens with the contract claims and the configured lifetime', async () => {
      const reply = await send(server.url, '/api/Account/Login', {
        body: { Username: DEMO_USERNAME, Password: DEMO_PASSWORD },
      });
      const issued = String((envelopeOf(reply).Data as { token: string }).token);
      const header = JSON.parse(Buffer.from(issued.split('.')[0], 'base64url').toString());
      const claims = decodeJwtPayload(issued) ?? {};
      const now = Math.floor(Date.now() / 1000);

      assert.equal(header.alg, 'HS256');
      assert.equal(claims.unique_name, DEMO_USERNAME);
      assert.equal(claims.iss, 'RomsoftGestionClinica');
      assert.equal(claims.aud, 'RomsoftClinicas');
      assert.ok(Math.abs(Number(claims.iat) - now) <= 5);
      assert.equal(claims.nbf, claims.iat);
      assert.equal(Number(claims.exp) - Number(claims.iat), 60 * 60);
    });
  });

  describe('authorization', () => {
    const protectedPath = '/api/CVN_PLAN_SEGURO/GetAllActives';

    it('answers 401 with a JSON message when no token is sent', async () => {
      const reply = await send(server.url, protectedPath);
      assert.equal(reply.status, 401);
      assert.match(reply.type ?? '', /^application\/json; charset=utf-8$/);
      assert.deepEqual(JSON.parse(reply.text), DENIED);
    });

    it('answers 401 with an empty body for expired, early, foreign or forged tokens', async () => {
      const bad = {
        expired: server.issueToken(DEMO_USERNAME, { lifetimeSeconds: -60 }),
        early: server.issueToken(DEMO_USERNAME, { notBeforeOffsetSeconds: 600 }),
        issuer: server.issueToken(DEMO_USERNAME, { issuer: 'OtraClinica' }),
        audience: server.issueToken(DEMO_USERNAME, { audience: 'OtraAudiencia' }),
        signature: server.issueToken(DEMO_USERNAME, { secret: 'not-the-server-secret' }),
      };
      for (const [kind, badToken] of Object.entries(bad)) {
        const authorization = `Bearer ${badToken}`;
        const reply = await send(server.url, protectedPath, { authorization });
        assert.equal(reply.status, 401, kind);
        assert.equal(reply.text, '', kind);
      }
    });

    it('answers 401 to a token signed with another algorithm than HS256', async () => {
      const secret = 'secreto-de-prueba';
      const known = await startRomsoftServer({ patients: 1, secret });
      try {
        const good = known.issueToken(DEMO_USERNAME);
        const payload = good.split('.')[1];
        const unsigned = `${encodeJson({ alg: 'none', typ: 'JWT' })}.${payload}.`;
        const hs512Header = encodeJson({ alg: 'HS512', typ: 'JWT' });
        const hs512Signature = createHmac('sha256', secret)
          .update(`${hs512Header}.${payload}`).digest('base64url');

        for (const bad of [unsigned, `${hs512Header}.${payload}.${hs512Signature}`]) {
          const reply = await send(known.url, protectedPath, { authorization: `Bearer ${bad}` });
          assert.equal(reply.status, 401);
          assert.equal(reply.text, '');
        }
        const accepted = await send(known.url, protectedPath, { authorization: `Bearer ${good}` });
        assert.equal(accepted.status, 200);
      } finally {
        await known.close();
      }
    });

    it('answers 500 with an empty body for a string that is not a JWT', async () => {
      const notJwt = ['not-a-token', 'a.b.c', `${token}.extra`, 'Bearer  ' + token];
      for (const value of notJwt) {
        const reply = await send(server.url, protectedPath, { authorization: `Bearer ${value}` });
        assert.equal(reply.status, 500, value);
        assert.equal(reply.text, '', value);
      }
    });

    it('checks the token before routing, so a bad one fails even on an unknown route', async () => {
      const reply = await send(server.url, '/api/NoExiste/Nada', { authorization: 'Bearer x' });
      assert.equal(reply.status, 500);
      assert.equal(reply.text, '');
    });

    it('treats two Authorization headers as none', async () => {
      const twice = [`Bearer ${token}`, `Bearer ${token}`];
      const reply = await sendRaw(server.url, protectedPath, twice);
      assert.equal(reply.status, 401);
      assert.deepEqual(JSON.parse(reply.text), DENIED);

      const single = await sendRaw(server.url, protectedPath, [`Bearer ${token}`]);
      assert.equal(single.status, 200);
    });

    it('accepts a bare token and any case of the Bearer prefix', async () => {
      for (const authorization of [token, `bearer ${token}`, `BEARER ${token}`]) {
        const reply = await send(server.url, protectedPath, { authorization });
        assert.equal(reply.status, 200);
        assert.equal(envelopeOf(reply).Success, true);
      }
    });

    it('records what it received', async () => {
      await send(server.url, '/api/ADM_CIE10/GetAllActives?x=1', { authorization: 'abc' });
      const last = server.requestLog[server.requestLog.length - 1];
      assert.deepEqual(last, {
        method: 'POST', path: '/api/ADM_CIE10/GetAllActives?x=1', status: 500, authorization: 'abc',
      });
    });
  });

  describe('routing', () => {
    it('answers 405 with a JSON message for any method but POST', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const reply = await send(server.url, '/api/CVN_PLAN_SEGURO/GetAllActives', {
          method, authorization: `Bearer ${token}`,
        });
        assert.equal(reply.status, 405);
        assert.deepEqual(JSON.parse(reply.text), {
          Message: `The requested resource does not support http method '${method}'.`,
        });
      }
    });

    it('answers 404 with Message and MessageDetail for unknown routes', async () => {
      const controller = await call('/api/NoExiste/GetAll');
      assert.equal(controller.status, 404);
      assert.deepEqual(JSON.parse(controller.text), {
        Message: 'No HTTP resource was found that matches the request URI '
          + `'${server.url}/api/NoExiste/GetAll'.`,
        MessageDetail: "No type was found that matches the controller named 'NoExiste'.",
      });

      const action = await call('/api/cvn_plan_seguro/NoExiste');
      assert.equal(action.status, 404);
      assert.equal(
        JSON.parse(action.text).MessageDetail,
        "No action was found on the controller 'CVN_PLAN_SEGURO' that matches the request.",
      );
    });

    it('matches controllers and actions ignoring case', async () => {
      const reply = await call('/api/cvn_plan_seguro/getallactives');
      assert.equal(reply.status, 200);
      assert.equal(envelopeOf(reply).Success, true);
    });
  });

  describe('request bodies', () => {
    it('answers Success false when a DTO body is missing, empty or not JSON', async () => {
      for (const body of [undefined, '', 'no es json', '[1,2]']) {
        const reply = await send(server.url, '/api/ADM_PACIENTE/GetAllFilters', {
          body, authorization: `Bearer ${token}`,
        });
        assert.equal(reply.status, 200);
        assert.deepEqual(envelopeOf(reply), {
          Success: false, Warning: false, Message: SERVER_ERROR, Data: null,
        });
      }
    });

    it('ignores the body of an action without a parameter', async () => {
      const reply = await send(server.url, '/api/CVN_PLAN_SEGURO/GetAllActives', {
        body: 'no es json', authorization: `Bearer ${token}`,
      });
      assert.equal(envelopeOf(reply).Success, true);
    });

    it('binds field names ignoring case, as Newtonsoft does', async () => {
      const reply = await call('/api/CVN_PLAN_SEGURO/GetById', { ID_PLAN_SEGURO: 2 });
      assert.equal((envelopeOf(reply).Data as { id_plan_seguro: number }).id_plan_seguro, 2);
    });
  });

  describe('insurance plans', () => {
    it('lists active plans only: three filled fields, .NET defaults elsewhere', async () => {
      const envelope = envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetAllActives'));
      const rows = envelope.Data as Record<string, unknown>[];
      const active = server.data.plans.filter((plan) => plan.active);
      const inactive = server.data.plans.filter((plan) => !plan.active);
      const fields = planFields();

      assert.ok(inactive.length > 0, 'the demo data has inactive plans');
      assert.deepEqual(rows.map((row) => row.id_plan_seguro), active.map((plan) => plan.id));
      for (const [index, row] of rows.entries()) {
        assert.deepEqual(Object.keys(row), fields.map((field) => field.name));
        assert.equal(row.c_codigo, active[index].code);
        assert.equal(row.t_descripcion, active[index].description);
        for (const field of fields) {
          if (!['id_plan_seguro', 'c_codigo', 't_descripcion'].includes(field.name)) {
            assert.equal(row[field.name], dotnetDefault(field.type), field.name);
          }
        }
      }
      assert.equal(rows[0].d_fecha_f_vigencia, DOTNET_MIN_DATE);
      assert.equal(rows[0].FechaCreacion, null);
    });

    it('answers one plan in full', async () => {
      const plan = server.data.plans[0];
      const envelope = envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetById', {
        id_plan_seguro: plan.id,
      }));
      const row = envelope.Data as Record<string, unknown>;

      assert.equal(envelope.Warning, false);
      assert.equal(row.id_plan_seguro, plan.id);
      assert.equal(row.garante, plan.insurerName);
      assert.equal(row.contratante, plan.contractorName);
      assert.equal(row.id_contacto_garante, plan.insurerId);
      assert.match(String(row.c_codigo_iafa), /^\d{5}$/);
      assert.equal(row.d_fecha_i_vigencia, plan.validFrom);
      assert.equal(row.c_contrato, plan.contract);
      assert.equal(row.producto, plan.productName);
      assert.equal(row.estado, 'ACTIVO');
      assert.equal(row.f_estado, 1);
      assert.match(String(row.FechaCreacion), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      assert.equal(row.UsuarioCreacion, plan.createdBy);
      assert.equal(row.valorRequest, null);
    });

    it('shows an open-ended plan with the minimum date, an inactive one as such', async () => {
      const open = server.data.plans.find((plan) => plan.validTo === null);
      const inactive = server.data.plans.find((plan) => !plan.active);
      assert.ok(open && inactive);

      const openRow = envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetById', {
        id_plan_seguro: open.id,
      })).Data as Record<string, unknown>;
      assert.equal(openRow.d_fecha_f_vigencia, DOTNET_MIN_DATE);

      const inactiveRow = envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetById', {
        id_plan_seguro: inactive.id,
      })).Data as Record<string, unknown>;
      assert.equal(inactiveRow.estado, 'INACTIVO');
      assert.equal(inactiveRow.f_estado, 0);
    });

    it('warns when the plan does not exist', async () => {
      for (const body of [{ id_plan_seguro: 9999 }, {}]) {
        assert.deepEqual(envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetById', body)), {
          Success: true, Warning: true, Message: 'No se encontró el registro.', Data: null,
        });
      }
    });

    it('lists the benefit lines of a plan, and none for an unknown plan', async () => {
      const plan = server.data.plans[1];
      const path = '/api/CVN_PLAN_SEGURO_DETALLE/GetAllActivesFilters';
      const rows = envelopeOf(await call(path, { id_plan_seguro: plan.id })).Data as {
        id_plan_seguro_detalle: number; id_plan_seguro: number; beneficio: string;
      }[];

      assert.ok(plan.benefits.length >= 2);
      const lineIds = plan.benefits.map((line) => line.id);
      assert.deepEqual(rows.map((row) => row.id_plan_seguro_detalle), lineIds);
      assert.ok(rows.every((row) => row.id_plan_seguro === plan.id));
      assert.equal(rows[0].beneficio, plan.benefits[0].name);

      assert.deepEqual(envelopeOf(await call(path, { id_plan_seguro: 9999 })).Data, []);
    });

    it('filters plans by text, inactive ones included', async () => {
      const inactive = server.data.plans.find((plan) => !plan.active);
      assert.ok(inactive);
      const rows = envelopeOf(await call('/api/CVN_PLAN_SEGURO/GetAllFilters', {
        valorRequest: inactive.code.toLowerCase(),
      })).Data as { id_plan_seguro: number; estado: string }[];
      assert.deepEqual(rows.map((row) => [row.id_plan_seguro, row.estado]), [
        [inactive.id, 'INACTIVO'],
      ]);
    });

    it('confirms writes, refusing a duplicate code and an update without id', async () => {
      const add = (code: string) => call('/api/CVN_PLAN_SEGURO/Add', { c_codigo: code });
      assert.equal(envelopeOf(await add(' ps0001 ')).Message, 'El registro ya existe.');
      assert.equal(envelopeOf(await add('ps0001')).Warning, true);
      assert.deepEqual(envelopeOf(await add('NUEVO-01')), {
        Success: true, Warning: false, Message: 'Se registró satisfactoriamente.', Data: null,
      });

      const update = (id: number) => call('/api/CVN_PLAN_SEGURO/Update', { id_plan_seguro: id });
      assert.deepEqual(envelopeOf(await update(0)), {
        Success: true, Warning: true, Message: 'No se pudo realizar la actualización.', Data: null,
      });
      assert.equal(envelopeOf(await update(1)).Message, 'Se actualizó satisfactoriamente.');

      const deleted = await call('/api/CVN_PLAN_SEGURO_DETALLE/Delete', {
        id_plan_seguro_detalle: 1,
      });
      assert.equal(envelopeOf(deleted).Message, 'Se eliminó satisfactoriamente.');
    });
  });

  describe('patients', () => {
    const search = async (valorRequest: string) => {
      const reply = await call('/api/ADM_PACIENTE/GetAllFilters', { valorRequest });
      return envelopeOf(reply);
    };

    it('finds patients by part of a surname, ignoring case and accents', async () => {
      const envelope = await search('NUNE');
      const rows = envelope.Data as Record<string, unknown>[];
      const expected = server.data.patients.filter((p) => plain(searchable(p)).includes('nune'));

      assert.equal(envelope.Warning, false);
      assert.ok(expected.length > 1);
      assert.deepEqual(rows.map((row) => row.id_paciente), expected.map((p) => p.id));
      assert.equal(rows[0].t_apellido_paterno, 'Núñez');
    });

    it('finds a patient by the full name in paternal, maternal, given order', async () => {
      const rows = (await search('nuñez huaman jesus ang')).Data as { id_paciente: number }[];
      assert.deepEqual(rows.map((row) => row.id_paciente), [1]);
    });

    it('finds a patient by document number and answers the eleven filled fields', async () => {
      const first = server.data.patients[0];
      const rows = (await search(first.documentNumber)).Data as Record<string, unknown>[];

      assert.equal(rows.length, 1);
      const row = rows[0];
      assert.equal(row.id_paciente, 1);
      assert.equal(row.historia_clinica, first.clinicalRecord);
      assert.equal(row.t_apellido_paterno, first.paternalSurname);
      assert.equal(row.t_apellido_materno, first.maternalSurname);
      assert.equal(row.t_nombres, first.givenNames);
      assert.equal(row.t_documento, 'DNI');
      assert.equal(row.c_documento_identidad, first.documentNumber);
      assert.equal(row.sexo, 'M');
      assert.equal(row.d_fecha_nacimiento, '1985-03-12T00:00:00');
      assert.equal(row.t_direccion, 'Av. Los Próceres 1234, San Juan de Lurigancho');
      assert.match(String(row.c_p_fono_personal), /^9\d{8}$/);

      // Not filled by this query: left at their defaults.
      assert.equal(row.n_historia_clinica, 0);
      assert.equal(row.t_paciente, null);
      assert.equal(row.FechaCreacion, null);
    });

    it('answers an empty list, without a warning, when nothing matches', async () => {
      assert.deepEqual(await search('zzqxw'), {
        Success: true, Warning: false, Message: null, Data: [],
      });
    });

    it('answers everyone for blank text', async () => {
      const rows = (await search('   ')).Data as unknown[];
      assert.equal(rows.length, server.data.patients.length);
    });

    it('answers one patient by id, and a warning for an unknown one', async () => {
      const found = envelopeOf(await call('/api/ADM_PACIENTE/GetById', { id_paciente: 1 }));
      assert.equal((found.Data as { t_apellido_paterno: string }).t_apellido_paterno, 'Núñez');

      const missing = envelopeOf(await call('/api/ADM_PACIENTE/GetById', { id_paciente: 0 }));
      assert.equal(missing.Warning, true);
    });

    it('lists visits by clinical record, name, document or date', async () => {
      const path = '/api/ADM_PACIENTE/GetAllPacienteAtencionFilters';
      const first = server.data.patients[0];
      const visits = async (t_dato: string, tipo_dato: string) =>
        envelopeOf(await call(path, { t_dato, tipo_dato })).Data as Record<string, unknown>[];

      const byRecord = await visits(first.clinicalRecord, 'h');
      assert.equal(byRecord.length, 2);
      // No DTO of the controller declares these columns: the rows are the columns alone.
      assert.deepEqual(Object.keys(byRecord[0]), visitColumns());
      assert.ok(byRecord.every((row) => row.t_apellido_paterno === 'Núñez'));
      assert.ok(byRecord.every((row) => Number(row.id_atencion) > 0));

      const byName = await visits('núñez huamán', 'P');
      assert.ok(byName.some((row) => row.id_paciente === 1));
      const byDocument = await visits(first.documentNumber, 'C');
      assert.deepEqual(byDocument.map((row) => row.id_paciente), [1, 1]);

      const day = String(byRecord[0].d_fecha_registro).slice(0, 10);
      const [year, month, date] = day.split('-');
      const byDate = await visits(`${date}/${month}/${year}`, 'F');
      assert.ok(byDate.some((row) => row.id_atencion === byRecord[0].id_atencion));
      assert.ok(byDate.every((row) => String(row.d_fecha_registro).startsWith(day)));
    });

    it('refuses an unknown kind of visit search, and fails on missing fields', async () => {
      const path = '/api/ADM_PACIENTE/GetAllPacienteAtencionFilters';
      const unknownKind = envelopeOf(await call(path, { t_dato: 'x', tipo_dato: 'Z' }));
      assert.equal(unknownKind.Success, true);
      assert.equal(unknownKind.Warning, true);
      assert.equal(unknownKind.Data, null);

      assert.equal(envelopeOf(await call(path, {})).Success, false);
      assert.equal(envelopeOf(await call(path, { t_dato: '31/02/2024', tipo_dato: 'F' })).Success,
        false);
    });
  });

  describe('demo data', () => {
    it('follows the seed: same seed same data, another seed other data', () => {
      const sizes = { seed: 7, patients: 300, plans: 10 };
      const one = generateDemoData(sizes);
      assert.deepEqual(generateDemoData(sizes), one);

      const other = generateDemoData({ ...sizes, seed: 8 });
      assert.notDeepEqual(other.patients.slice(1), one.patients.slice(1));
      assert.notDeepEqual(other.plans, one.plans);
      assert.deepEqual(other.patients[0], one.patients[0], 'patient 1 is the same for every seed');
    });

    it('gives the same answers from two servers with the same seed', async () => {
      const twin = await startRomsoftServer({ seed: 1 });
      const other = await startRomsoftServer({ seed: 2 });
      try {
        const path = '/api/CVN_PLAN_SEGURO/GetAllActives';
        const mine = (await call(path)).text;
        const twinReply = await send(twin.url, path, {
          authorization: twin.issueToken(DEMO_USERNAME),
        });
        const otherReply = await send(other.url, path, {
          authorization: other.issueToken(DEMO_USERNAME),
        });
        assert.equal(twinReply.text, mine);
        assert.notEqual(otherReply.text, mine);
      } finally {
        await Promise.all([twin.close(), other.close()]);
      }
    });

    it('has unique documents, Peruvian names and well-formed fields', () => {
      const patients = server.data.patients;
      assert.equal(new Set(patients.map((p) => p.documentNumber)).size, patients.length);
      for (const patient of patients) {
        const digits = patient.documentType === 'DNI' ? 8 : 9;
        assert.match(patient.documentNumber, new RegExp(`^\\d{${digits}}$`));
        assert.match(patient.clinicalRecord, /^\d{6}$/);
        assert.match(patient.mobilePhone, /^9\d{8}$/);
        assert.match(patient.birthDate, /^\d{4}-\d{2}-\d{2}T00:00:00$/);
      }
      assert.ok(patients.some((p) => p.documentType === 'CE'));
      const tildeAndAccent = (name: string) => /ñ/i.test(name) && /[áéíóú]/.test(name);
      assert.ok(patients.some((p) => tildeAndAccent(p.paternalSurname)));
      assert.ok(new Set(server.data.plans.map((p) => p.code)).size === server.data.plans.length);
    });
  });

  describe('catalog coverage', () => {
    it('answers an envelope on every catalog action for a valid token and {}', async () => {
      const routes = allRoutes(loadCatalog());
      assert.equal(routes.length, 111);

      for (const route of routes) {
        const reply = await call(`/api/${route.key}`, {});
        assert.equal(reply.status, 200, route.key);
        assert.equal(reply.type, 'application/json; charset=utf-8', route.key);
        const envelope = envelopeOf(reply);
        assert.equal(typeof envelope.Success, 'boolean', route.key);
        assert.equal(typeof envelope.Warning, 'boolean', route.key);
        assert.ok(envelope.Message === null || typeof envelope.Message === 'string', route.key);
      }
    });

    it('answers generated rows for queries and a warning for queries without columns', async () => {
      const rows = envelopeOf(await call('/api/ADM_CIE10/GetAllActives', {})).Data as {
        id_cie10: number; t_descripcion: string; c_codigo: string | null;
      }[];
      assert.ok(rows.length >= 5 && rows.length <= 20);
      assert.deepEqual(rows.map((row) => row.id_cie10), rows.map((_row, index) => index + 1));
      assert.ok(rows.every((row) => typeof row.t_descripcion === 'string'));
      assert.ok(rows.every((row) => row.c_codigo === null), 'c_codigo is not filled');

      const noColumns = envelopeOf(await call('/api/ADM_FORMA_PAGO/GetAllFormaPagoActives', {}));
      assert.equal(noColumns.Warning, true);
      assert.equal(noColumns.Message, 'No se encontraron registros.');
    });
  });
});

describe('fault modes', () => {
  let server: RomsoftTestServer;
  let token: string;
  const plans = '/api/CVN_PLAN_SEGURO/GetAllActives';
  const patients = '/api/ADM_PACIENTE/GetAllFilters';

  before(async () => {
    server = await startRomsoftServer({ patients: 50 });
    token = server.issueToken(DEMO_USERNAME);
  });
  after(() => server.close());

  const call = (path: string, signal?: AbortSignal): Promise<Reply> =>
    send(server.url, path, { body: { valorRequest: 'a' }, authorization: token, signal });

  it('delays answers', async () => {
    server.setFaults({ latencyMs: 300 });
    try {
      const started = Date.now();
      const reply = await call(plans);
      assert.ok(Date.now() - started >= 280);
      assert.equal(envelopeOf(reply).Success, true);
    } finally {
      server.clearFaults();
    }
  });

  it('stalls until the client gives up', async () => {
    server.setFaults({ stall: true });
    try {
      await assert.rejects(call(plans, AbortSignal.timeout(300)), { name: 'TimeoutError' });
      const entry = server.requestLog[server.requestLog.length - 1];
      assert.deepEqual([entry.path, entry.status], [plans, 0]);
    } finally {
      server.clearFaults();
    }
  });

  it('drops stalled requests when the server closes', async () => {
    const stalling = await startRomsoftServer({ patients: 5 });
    stalling.setFaults({ stall: true });
    const pending = send(stalling.url, plans, { authorization: stalling.issueToken('demo') });
    await waitFor(() => stalling.requestLog.length === 1);

    const closed = await Promise.race([
      stalling.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(resolve, 2000, 'still open')),
    ]);
    assert.equal(closed, 'closed');
    await assert.rejects(pending);
  });

  it('answers an IIS HTML error page', async () => {
    server.setFaults({ html500: true });
    try {
      const reply = await call(plans);
      assert.equal(reply.status, 500);
      assert.match(reply.type ?? '', /^text\/html/);
      assert.match(reply.text, /Server Error in '\/' Application\./);
    } finally {
      server.clearFaults();
    }
  });

  it('answers an empty 401 to a valid token, leaving sign-in alone', async () => {
    server.setFaults({ empty401: true });
    try {
      const reply = await call(plans);
      assert.equal(reply.status, 401);
      assert.equal(reply.text, '');

      const login = await send(server.url, '/api/Account/Login', {
        body: { Username: DEMO_USERNAME, Password: DEMO_PASSWORD },
      });
      assert.equal(envelopeOf(login).Warning, false);
    } finally {
      server.clearFaults();
    }
  });

  it('answers a JSON body cut short', async () => {
    server.setFaults({ invalidJson: true });
    try {
      const reply = await call(plans);
      assert.equal(reply.status, 200);
      assert.equal(reply.type, 'application/json; charset=utf-8');
      assert.ok(reply.text.startsWith('{"Success":true'));
      assert.throws(() => JSON.parse(reply.text), SyntaxError);
    } finally {
      server.clearFaults();
    }
  });

  it('limits faults to one action when asked', async () => {
    server.setFaults({ html500: true, only: 'cvn_plan_seguro/GETALLACTIVES' });
    try {
      assert.equal((await call(plans)).status, 500);
      assert.equal((await call(patients)).status, 200);
    } finally {
      server.clearFaults();
    }
  });

  it('switches faults from another process through the control endpoint', async () => {
    const control = (path: string, body?: unknown) => send(server.url, path, { body });

    assert.equal((await control('/__control/faults', { html500: true })).status, 204);
    assert.equal((await call(plans)).status, 500);
    assert.equal((await control('/__control/faults/clear')).status, 204);
    assert.equal((await call(plans)).status, 200);

    assert.equal((await control('/__control/faults', { stall: 'yes' })).status, 400);
    assert.equal((await control('/__control/faults', 'no es json')).status, 400);
    assert.equal((await call(plans)).status, 200);
  });
});

describe('scale', () => {
  it('generates 100000 patients and searches them', async (t) => {
    let started = performance.now();
    const server = await startRomsoftServer({ patients: 100_000 });
    const startMs = performance.now() - started;
    try {
      const patients = server.data.patients;
      assert.equal(patients.length, 100_000);
      assert.equal(new Set(patients.map((p) => p.documentNumber)).size, patients.length);

      const expected = patients.filter((p) => plain(searchable(p)).includes('quispe mamani'));
      started = performance.now();
      const reply = await send(server.url, '/api/ADM_PACIENTE/GetAllFilters', {
        body: { valorRequest: 'Quispe Mamani' },
        authorization: server.issueToken(DEMO_USERNAME),
      });
      const searchMs = performance.now() - started;
      const rows = envelopeOf(reply).Data as { id_paciente: number }[];

      assert.ok(expected.length > 0);
      assert.deepEqual(rows.map((row) => row.id_paciente), expected.map((p) => p.id));
      t.diagnostic(`start with 100000 patients: ${startMs.toFixed(0)} ms`);
      t.diagnostic(`search over them (${rows.length} rows): ${searchMs.toFixed(0)} ms`);
    } finally {
      await server.close();
    }
  });
});

describe('command line', () => {
  it('prints the URL first, serves, and exits on SIGTERM', async () => {
    const cli = join(__dirname, '..', 'server', 'cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--patients', '20'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = String((await lines.next()).value);
      const match = /^ROMSOFT_SERVER_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      assert.ok(match, first);
      assert.equal((await lines.next()).value, `Romsoft demo server on ${match[1]}`);
      assert.equal((await lines.next()).value, 'User: demo  Password: romsoft2026');

      const login = await send(match[1], '/api/Account/Login', {
        body: { Username: DEMO_USERNAME, Password: DEMO_PASSWORD },
      });
      assert.equal(envelopeOf(login).Warning, false);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});

interface Reply {
  status: number;
  type: string | null;
  text: string;
}

interface Envelope {
  Success: boolean;
  Warning: boolean;
  Message: string | null;
  Data: unknown;
}

interface SendOptions {
  /** A string is sent as is; anything else as JSON; undefined sends no body. */
  body?: unknown;
  authorization?: string;
  method?: string;
  signal?: AbortSignal;
}

async function send(base: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.authorization !== undefined) {
    headers.Authorization = options.authorization;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }

  const response = await fetch(base + path, {
    method: options.method ?? 'POST',
    headers,
    body,
    signal: options.signal,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** A POST with the given Authorization headers sent as separate lines (fetch merges them). */
function sendRaw(base: string, path: string, authorizations: string[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method: 'POST' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? null, text });
      });
    });
    req.setHeader('Authorization', authorizations);
    req.on('error', reject);
    req.end();
  });
}

function envelopeOf(reply: Reply): Envelope {
  assert.equal(reply.status, 200, reply.text);
  const value = JSON.parse(reply.text) as Envelope;
  assert.deepEqual(Object.keys(value), ['Success', 'Warning', 'Message', 'Data']);
  return value;
}

function planFields() {
  const controller = findController(loadCatalog(), 'CVN_PLAN_SEGURO');
  assert.ok(controller);
  const byId = controller.actions.find((a) => a.action === 'GetById');
  assert.ok(byId);
  return rowFields(controller, byId);
}

function visitColumns(): string[] {
  const controller = findController(loadCatalog(), 'ADM_PACIENTE');
  const action = controller?.actions.find((a) => a.action === 'GetAllPacienteAtencionFilters');
  assert.ok(action?.dataAccess);
  return action.dataAccess.fills.map((fill) => fill.field);
}

function encodeJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** What a patient search should see, written independently of the server's own folding. */
function searchable(patient: DemoPatient): string[] {
  return [
    patient.clinicalRecord,
    `${patient.paternalSurname} ${patient.maternalSurname} ${patient.givenNames}`,
    patient.documentNumber,
  ];
}

function plain(texts: string[]): string {
  return texts
    .map((text) => text.toLowerCase().replace(/[áàä]/g, 'a').replace(/[éè]/g, 'e')
      .replace(/[íï]/g, 'i').replace(/[óö]/g, 'o').replace(/[úü]/g, 'u').replace(/ñ/g, 'n'))
    .join('|');
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.ok(condition());
}
