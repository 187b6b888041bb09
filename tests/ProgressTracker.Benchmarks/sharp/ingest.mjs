// The peer in `dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- ingest-sharp`.
// Usage: node ingest.mjs [--warmup N] [--runs N] <files...>
// For every file, sharp does two jobs, each upright (autorotate from EXIF), sRGB and without metadata (sharp's
// default). The display job: a 1280 px JPEG q85, and a 320 px JPEG q85 and WebP q80. The full job, what our ingest
// does: a full-size master JPEG q92 (plain Huffman tables, as ours), 1280 px JPEG q85 + WebP q80 and 320 px JPEG q85
// + WebP q80. Several idiomatic ways of each are timed; the caller compares against the fastest. Display job:
//   decodeOnce:         decode once (shrink-on-load to 1280) to raw pixels, then encode every derivative from
//                       them, the way photo servers such as Immich do; sharp's default thread count;
//   decodeOnceAllCores: the same with sharp.concurrency set to the number of cores (sharp defaults to 1 thread
//                       per image on glibc Linux without jemalloc, which is this machine);
//   pipelines:          one sharp pipeline per derivative, each starting from the input bytes.
// Full job:
//   fullOnce:           decode once at full size to raw pixels; the master is encoded from them while the 1280 px
//                       pixels are made from them, and both 1280 px files and the 320 px pixels from those;
//   fullOnceAllCores:   the same with sharp.concurrency set to the number of cores;
//   fullPipelines:      one pipeline per output from the input bytes (the smaller ones shrink on load).
// Files are read into memory first, so no timing includes disk reads. Prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';

sharp.cache(false); // libvips would otherwise serve repeated runs of the same input from its operation cache

const args = process.argv.slice(2);
let warmup = 2, runs = 5;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--warmup') warmup = Number(args[++i]);
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else files.push(args[i]);
}

const inside = (size) => ({ width: size, height: size, fit: 'inside', withoutEnlargement: true });

async function decodeOnce(input) {
  const { data, info } = await sharp(input).rotate().resize(inside(1280)).toColourspace('srgb').raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const thumb = sharp(data, raw).resize(inside(320));
  const [display, thumbJpeg, thumbWebp] = await Promise.all([
    sharp(data, raw).jpeg({ quality: 85 }).toBuffer(),
    thumb.clone().jpeg({ quality: 85 }).toBuffer(),
    thumb.clone().webp({ quality: 80 }).toBuffer(),
  ]);
  return [display, thumbJpeg, thumbWebp];
}

async function pipelines(input) {
  const base = sharp(input).rotate().toColourspace('srgb');
  return Promise.all([
    base.clone().resize(inside(1280)).jpeg({ quality: 85 }).toBuffer(),
    base.clone().resize(inside(320)).jpeg({ quality: 85 }).toBuffer(),
    base.clone().resize(inside(320)).webp({ quality: 80 }).toBuffer(),
  ]);
}

const jpegMaster = { quality: 92, optimiseCoding: false };

async function fullOnce(input) {
  const { data, info } = await sharp(input).rotate().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const [master, display] = await Promise.all([
    sharp(data, raw).jpeg(jpegMaster).toBuffer(),
    sharp(data, raw).resize(inside(1280)).raw().toBuffer({ resolveWithObject: true }),
  ]);
  const small = { raw: { width: display.info.width, height: display.info.height, channels: display.info.channels } };
  const thumb = sharp(display.data, small).resize(inside(320));
  const rest = await Promise.all([
    sharp(display.data, small).jpeg({ quality: 85 }).toBuffer(),
    sharp(display.data, small).webp({ quality: 80 }).toBuffer(),
    thumb.clone().jpeg({ quality: 85 }).toBuffer(),
    thumb.clone().webp({ quality: 80 }).toBuffer(),
  ]);
  return [master, ...rest];
}

async function fullPipelines(input) {
  const base = sharp(input).rotate().toColourspace('srgb');
  return Promise.all([
    base.clone().jpeg(jpegMaster).toBuffer(),
    base.clone().resize(inside(1280)).jpeg({ quality: 85 }).toBuffer(),
    base.clone().resize(inside(1280)).webp({ quality: 80 }).toBuffer(),
    base.clone().resize(inside(320)).jpeg({ quality: 85 }).toBuffer(),
    base.clone().resize(inside(320)).webp({ quality: 80 }).toBuffer(),
  ]);
}

const defaultConcurrency = sharp.concurrency();
const cores = availableParallelism();
const variants = {
  decodeOnce: { run: decodeOnce, concurrency: defaultConcurrency },
  decodeOnceAllCores: { run: decodeOnce, concurrency: cores },
  pipelines: { run: pipelines, concurrency: defaultConcurrency },
  fullOnce: { run: fullOnce, concurrency: defaultConcurrency },
  fullOnceAllCores: { run: fullOnce, concurrency: cores },
  fullPipelines: { run: fullPipelines, concurrency: defaultConcurrency },
};
const out = { sharp: sharp.versions.sharp, libvips: sharp.versions.vips, node: process.versions.node,
  concurrency: defaultConcurrency, cores, warmup, runs, files: [] };

for (const file of files) {
  const input = readFileSync(file);
  const entry = { file: basename(file), bytes: input.length };
  try {
    for (const [name, { run: fn, concurrency }] of Object.entries(variants)) {
      sharp.concurrency(concurrency);
      for (let i = 0; i < warmup; i++) await fn(input);
      const ms = [];
      let sizes = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const buffers = await fn(input);
        ms.push(performance.now() - start);
        sizes = buffers.map((b) => b.length);
      }
      entry[name] = { ms, sizes };
    }
  } catch (e) {
    // libvips puts its whole error log in the message; the last line says what went wrong.
    entry.error = String(e.message ?? e).trim().split('\n').pop();
  }
  out.files.push(entry);
}
console.log(JSON.stringify(out));
