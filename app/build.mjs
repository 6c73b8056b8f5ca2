// Bundles the app into dist/: index.html, styles.css and one app.js (esbuild, ES2022,
// minified, with a source map). `node build.mjs [outdir]` writes elsewhere.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: [path.join(here, 'src/main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  outfile: path.join(outdir, 'app.js'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) {
  copyFileSync(path.join(here, file), path.join(outdir, file));
}
console.log(`built the BTT app into ${outdir}`);
