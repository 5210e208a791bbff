// The committed openapi.json passes Spectral (spectral:oas) and Redocly (recommended) with no error and no warning.
// Rules turned off, and problems ignored one by one, say why in .spectral.yaml and .redocly.lint-ignore.yaml.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packageRoot = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function binOf(name: string, bin: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const bins = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin;
  return join(dirname(manifest), bins[bin]!);
}

/** Exit code and standard output of a linter run in the package folder (where its configuration lives). */
async function lint(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], {
      cwd: packageRoot,
      // Offline and quiet: no usage reports, no update checks.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout || failed.stderr };
  }
}

/** Spectral's findings (every severity down to hints) as rule codes with where they are. */
async function spectral(file: string): Promise<string[]> {
  const { output } = await lint(binOf('@stoplight/spectral-cli', 'spectral'), ['lint', '-f', 'json', '--quiet', '-r', '.spectral.yaml', file]);
  const results = JSON.parse(output.slice(0, output.lastIndexOf(']') + 1)) as { code: string; path: string[] }[];
  return results.map((result) => `${result.code} at ${result.path.join('.')}`);
}

/** Redocly's errors and warnings (problems ignored one by one in .redocly.lint-ignore.yaml not counted). */
async function redocly(file: string): Promise<string[]> {
  const { output } = await lint(binOf('@redocly/cli', 'redocly'), ['lint', '--format=json', file]);
  const report = JSON.parse(output) as { problems: { ruleId: string; severity: string; message: string; ignored?: boolean }[] };
  return report.problems.filter((problem) => !problem.ignored).map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message}`);
}

describe('openapi.json under the linters', () => {
  test('Spectral (spectral:oas) reports nothing', async () => {
    assert.deepEqual(await spectral('openapi.json'), []);
  });

  test('Redocly (recommended) reports no error and no warning', async () => {
    assert.deepEqual(await redocly('openapi.json'), []);
  });

  // The runs above could pass by linting nothing: the same document with one operation's description removed and an
  // unused schema added must be reported by both.
  const folder = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  test('a description missing and a component unused are reported by both', async () => {
    const document = JSON.parse(readFileSync(join(packageRoot, 'openapi.json'), 'utf8'));
    delete document.paths['/v1/program'].get.description;
    document.components.schemas.Unused = { type: 'string' };
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    assert.deepEqual((await spectral(file)).sort(), [
      'oas3-unused-component at components.schemas.Unused',
      'operation-description at paths./v1/program.get',
    ]);
    // (The /healthz exception in .redocly.lint-ignore.yaml names openapi.json, so this copy also shows that one.)
    assert.ok((await redocly(file)).includes('warn no-unused-components: Component: "Unused" is never used.'));
  });
});
