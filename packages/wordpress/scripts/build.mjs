// Builds dist/poly-partner-badge.zip, ready for WordPress's "Upload plugin" screen: the plugin's sources, its
// compiled translations, and the widgets' script-tag bundle (embed.js and its chunks, built by the widgets package),
// so a site loads nothing from third-party hosts except the API.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const source = join(packageDir, 'plugin/poly-partner-badge');
const widgetsDist = join(packageDir, '../widgets/dist');
const dist = join(packageDir, 'dist');
const staged = join(dist, 'poly-partner-badge');
const zipPath = join(dist, 'poly-partner-badge.zip');

// Translations first: the .mo and the editor script's JSON are generated from the .po files.
const i18n = spawnSync(process.execPath, [join(packageDir, 'scripts/i18n.mjs'), '--check'], { stdio: 'inherit' });
if (i18n.status !== 0) process.exit(i18n.status ?? 1);
spawnSync(process.execPath, [join(packageDir, 'scripts/i18n.mjs')], { stdio: 'inherit' });

if (!existsSync(join(widgetsDist, 'embed.js'))) {
  console.error(`wordpress: ${relative(process.cwd(), widgetsDist)}/embed.js is missing; build the widgets first (pnpm build).`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(staged, { recursive: true });
cpSync(source, staged, { recursive: true });
const widgetsTarget = join(staged, 'assets/widgets');
mkdirSync(widgetsTarget, { recursive: true });
cpSync(join(widgetsDist, 'embed.js'), join(widgetsTarget, 'embed.js'));
// Source maps stay out: a site owner's server has no use for them, and they were two thirds of the widget bytes.
cpSync(join(widgetsDist, 'embed-chunks'), join(widgetsTarget, 'embed-chunks'), { recursive: true, filter: (path) => !path.endsWith('.map') });

// ...and so do the comments that point at them, or a browser's developer tools would ask the site for missing files.
for (const file of walk(widgetsTarget)) {
  if (file.endsWith('.js')) writeFileSync(file, readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * A zip archive (deflate, no data descriptors) of `files`, named by their path below `base`. Written by hand because
 * Node has no zip writer and the format needs only two headers per file; dates are fixed, so a build is reproducible.
 */
function zip(base, files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01
  for (const file of files) {
    const name = Buffer.from(`poly-partner-badge/${relative(base, file).split('\\').join('/')}`);
    const data = readFileSync(file);
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const files = [...walk(staged)];
const archive = zip(staged, files);
writeFileSync(zipPath, archive);
console.log(`wordpress: ${relative(process.cwd(), zipPath)} (${files.length} files, ${(archive.length / 1024).toFixed(1)} kB)`);
