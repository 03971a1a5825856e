// Reads every X.arrow in a folder with Apache Arrow's JavaScript implementation (not tregflow's Java writer)
// and compares it with X.csv: column names and order, row counts, and every value (numbers to 1e-12 relative,
// null in Arrow <=> empty unquoted cell in CSV). Exits 1 with a message on the first difference found per table.
// Usage: node compare.mjs DIR
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, Type } from 'apache-arrow';

const REL_TOL = 1e-12;

/** RFC 4180 parser: returns rows of cells; an unquoted empty cell is null, a quoted one is a string. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  while (true) {
    let cell;
    if (text[i] === '"') {
      let s = '';
      i++;
      while (true) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { s += '"'; i += 2; continue; }
          i++;
          break;
        }
        s += text[i++];
      }
      cell = s;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') {
        if (text[j] === '"') throw new Error(`bare quote inside unquoted field at offset ${j}`);
        j++;
      }
      cell = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) { rows.push(row); break; }
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n') i += 1;
    else throw new Error(`unexpected character ${JSON.stringify(text[i])} after field at offset ${i}`);
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

function sameNumber(a, b) {
  if (a === b) return true;
  return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

/** Returns null when equal, else a description of the difference. */
function compareCell(type, arrowValue, csvCell) {
  if (arrowValue === null || arrowValue === undefined) {
    return csvCell === null ? null : `Arrow null, CSV ${JSON.stringify(csvCell)}`;
  }
  if (csvCell === null) return `Arrow ${String(arrowValue)}, CSV empty`;
  switch (type.typeId) {
    case Type.Utf8:
      return arrowValue === csvCell ? null : `Arrow ${JSON.stringify(arrowValue)}, CSV ${JSON.stringify(csvCell)}`;
    case Type.Int: {
      if (!/^-?\d+$/.test(csvCell)) return `CSV ${JSON.stringify(csvCell)} is not an integer`;
      return BigInt(arrowValue) === BigInt(csvCell) ? null : `Arrow ${arrowValue}, CSV ${csvCell}`;
    }
    case Type.Float: {
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(csvCell)) return `CSV ${JSON.stringify(csvCell)} is not a decimal number`;
      const v = Number(csvCell);
      return sameNumber(arrowValue, v) ? null : `Arrow ${arrowValue}, CSV ${csvCell}`;
    }
    case Type.Bool: {
      if (csvCell !== 'true' && csvCell !== 'false') return `CSV ${JSON.stringify(csvCell)} is not true/false`;
      return arrowValue === (csvCell === 'true') ? null : `Arrow ${arrowValue}, CSV ${csvCell}`;
    }
    default:
      return `unexpected Arrow type ${type} (tregflow writes Utf8, Int64, Float64, Bool only)`;
  }
}

function compareTable(dir, name) {
  const bytes = readFileSync(join(dir, `${name}.arrow`));
  // The IPC *file* format starts and ends with the magic "ARROW1"; the stream format does not.
  const magic = Buffer.from('ARROW1');
  if (!bytes.subarray(0, 6).equals(magic) || !bytes.subarray(bytes.length - 6).equals(magic)) {
    return [`${name}.arrow is not in Arrow IPC file format (no ARROW1 magic at both ends)`];
  }
  const table = tableFromIPC(bytes);
  const csv = parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8'));
  if (csv.length === 0) return [`${name}.csv is empty (no header row)`];
  const header = csv[0];
  const fields = table.schema.fields;
  const names = fields.map((f) => f.name);
  if (JSON.stringify(names) !== JSON.stringify(header)) {
    return [`${name}: columns differ: Arrow ${JSON.stringify(names)} vs CSV ${JSON.stringify(header)}`];
  }
  const body = csv.slice(1);
  if (table.numRows !== body.length) {
    return [`${name}: ${table.numRows} rows in Arrow, ${body.length} in CSV`];
  }
  const problems = [];
  for (let c = 0; c < fields.length; c++) {
    const column = table.getChildAt(c);
    for (let r = 0; r < body.length && problems.length < 10; r++) {
      if (body[r].length !== fields.length) {
        problems.push(`${name}.csv row ${r + 1} has ${body[r].length} cells, expected ${fields.length}`);
        break;
      }
      const diff = compareCell(fields[c].type, column.get(r), body[r][c]);
      if (diff) problems.push(`${name} row ${r + 1} column ${fields[c].name}: ${diff}`);
    }
  }
  if (problems.length === 0) {
    console.log(`ok ${name}: ${table.numRows} rows, ${fields.length} columns (${fields.map((f) => `${f.name}:${f.type}`).join(', ')})`);
  }
  return problems;
}

function main() {
  const dir = process.argv[2];
  if (!dir || !existsSync(dir)) {
    console.error('usage: node compare.mjs DIR  (a folder of NAME.arrow + NAME.csv tables)');
    process.exit(2);
  }
  const files = readdirSync(dir);
  const arrows = files.filter((f) => f.endsWith('.arrow')).map((f) => f.slice(0, -6)).sort();
  const csvs = files.filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort();
  const problems = [];
  if (arrows.length === 0) problems.push(`no .arrow file in ${dir}`);
  for (const name of csvs) if (!arrows.includes(name)) problems.push(`${name}.csv has no ${name}.arrow`);
  for (const name of arrows) {
    if (!csvs.includes(name)) { problems.push(`${name}.arrow has no ${name}.csv`); continue; }
    try {
      problems.push(...compareTable(dir, name));
    } catch (e) {
      problems.push(`${name}: ${e.message}`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`DIFFERENCE ${p}`);
    process.exit(1);
  }
  console.log(`all ${arrows.length} tables agree`);
}

main();
