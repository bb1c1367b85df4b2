// The manifest, the keys module and the translations have to agree; a
// mismatch shows up in VS Code only as a missing title or a dead command.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Commands, Settings, Views } from '../../src/constants';
import { repoRoot } from '../support/paths';

const read = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
const manifest = read('package.json');
const english = read('package.nls.json') as Record<string, string>;
const spanish = read('package.nls.es.json') as Record<string, string>;
const bundle = read('l10n/bundle.l10n.es.json') as Record<string, string>;

test('every command in constants is contributed, and the other way round', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual([...contributed].sort(), Object.values(Commands).sort());
});

test('the plans view is contributed under its container', () => {
  assert.equal(manifest.contributes.views[Views.container][0].id, Views.plans);
});

test('every setting key in constants is contributed with a description', () => {
  const properties = manifest.contributes.configuration.properties;
  for (const key of [Settings.serverUrl, Settings.requestTimeoutSeconds, Settings.strictSSL]) {
    const property = properties[`${Settings.section}.${key}`];
    assert.ok(property, key);
    assert.ok(property.markdownDescription || property.description, key);
  }
});

test('every %key% of the manifest has English and Spanish text', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  for (const key of keys) {
    assert.ok(english[key], `English ${key}`);
    assert.ok(spanish[key], `Spanish ${key}`);
  }
  assert.deepEqual(Object.keys(spanish).sort(), Object.keys(english).sort());
});

test('every vscode.l10n.t message in src has a Spanish translation', () => {
  const messages = sourceFiles(path.join(repoRoot, 'src')).flatMap(l10nMessages);
  assert.ok(messages.length > 50, `found only ${messages.length}`);
  const missing = messages.filter((message) => !bundle[message]);
  assert.deepEqual(missing, []);
});

test('translations keep their placeholders', () => {
  for (const [english, spanish] of Object.entries(bundle)) {
    const holes = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(holes(spanish), holes(english), english);
  }
});

test('engines.vscode matches @types/vscode and the VS Code the tests run in', () => {
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.match(manifest.devDependencies['@types/vscode'], /1\.100\./);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      return sourceFiles(file);
    }
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** The literal first argument of each l10n.t call, joined across `+`. */
function l10nMessages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const calls = text.matchAll(/l10n\.t\(\s*((?:'(?:[^'\\]|\\.)*'\s*\+?\s*)+)/g);
  return [...calls].map((call) =>
    [...call[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)]
      .map((part) => part[1].replace(/\\(.)/g, '$1'))
      .join(''),
  );
}
