// PHPUnit (settings, shortcode, block render) against each WordPress the setup script installed, with the plugin's
// sources active: node:test runs it so that `pnpm test` does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createSite, packageDir, wordpressVersions } from './support/wordpress.js';

describe('PHPUnit', () => {
  for (const version of wordpressVersions()) {
    test(`on WordPress ${version}`, async () => {
      const site = await createSite({ version, activatePluginSource: true });
      try {
        const result = spawnSync('phpunit', ['--configuration', join(packageDir, 'test/phpunit/phpunit.xml')], {
          env: { ...process.env, POLY_WP_SITE: site.dir },
          encoding: 'utf8',
        });
        assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
        assert.match(result.stdout, /OK \(\d+ tests/);
        assert.equal(site.debugLog(), '', 'WordPress logged no PHP notice, warning or error');
      } finally {
        await site.close();
      }
    });
  }
});
