// The peer pass of issue #11's comparison: wink-nlp (with its English lite model) reads every report file of a folder,
// tokenises it and finds its named entities, and every token's and entity's fields are read out, the way a program that
// uses them would. Run by compare.sh beside `sitrep extract` over the same files.
//
//   node tokenise-entities.mjs MODULES_DIR FOLDER
//
// MODULES_DIR is the folder that `npm ci` installed this folder's package.json into (kept outside the repository).
// A file's 'key: value' header, up to its '---' line, is left out as sitrep's reader leaves it out: both read the
// same report text. Prints one line to stderr: files, characters, tokens, entities and the pass's own time, so a run
// that read nothing is seen.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [modulesDir, folder] = process.argv.slice(2);
if (!modulesDir || !folder) {
  console.error('usage: node tokenise-entities.mjs MODULES_DIR FOLDER');
  process.exit(2);
}

const require = createRequire(join(resolve(modulesDir), 'package.json'));
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;

/** The report text of a file: what follows its header when it has one (a first line 'key: value', a '---' line ending it). */
function body(text) {
  if (!/^[A-Za-z][\w-]*:/.test(text)) {
    return text;
  }
  const end = text.search(/^---\r?$/m);
  if (end < 0) {
    return text;
  }
  const next = text.indexOf('\n', end);
  return next < 0 ? '' : text.slice(next + 1);
}

/** Every file under a folder, in name order (the order sitrep reads a folder in). */
function files(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...files(path));
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
  return out;
}

const started = process.hrtime.bigint();
let chars = 0;
let tokens = 0;
let entities = 0;
let check = 0;
const paths = files(folder);
for (const path of paths) {
  const text = body(readFileSync(path, 'utf8'));
  chars += text.length;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const types = doc.tokens().out(its.type);
  tokens += values.length;
  for (let i = 0; i < values.length; i++) {
    check += values[i].length + types[i].length;
  }
  const found = doc.entities().out(its.detail);
  const spans = doc.entities().out(its.span);
  entities += found.length;
  for (let i = 0; i < found.length; i++) {
    check += found[i].value.length + found[i].type.length + spans[i][1] - spans[i][0];
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.error(`wink: ${paths.length} files, ${chars} characters, ${tokens} tokens, ${entities} entities (check ${check}) in ${seconds.toFixed(2)} s after start-up`);
