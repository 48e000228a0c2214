// Checks at run time that the generated TypeScript client (typescript-fetch) reads enum values the
// contract does not list (`x-open-enum: true`, DECISIONS.md D49), run by TypeScriptOpenEnumsTest.
//
// For every named example of every operation's answer, every value of an open enum in it is
// replaced by a value no list has, and the answer is read the way the client reads one (the
// generated <Model>FromJSON of the operation's response schema). Each replaced value must come
// back as it was sent: written out again by the generated <Model>ToJSON, the same path holds the
// same value. Prints one JSON object on its last line.
//
// usage: node open_enums.js <bundled contract, JSON>
import * as client from '../typescript-fetch';

// Node's globals used here (the build type-checks without @types/node).
declare const process: { argv: string[]; exit(code: number): never };
declare function require(module: 'fs'): { readFileSync(path: string, encoding: 'utf-8'): string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: any };
type Replaced = { path: (string | number)[]; enumName: string; value: string | number };

const contract: Schema = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf-8'));
const schemas: Record<string, Schema> = contract.components.schemas;
const openEnums = Object.keys(schemas).filter(name => schemas[name]['x-open-enum'] === true).sort();
const UNKNOWN_TEXT = 'toast-unlisted-value';

function refName(schema: Schema): string | undefined {
    return typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

/** A value of the enum's own type that its list lacks. */
function unlisted(enumName: string): string | number {
    const schema = schemas[enumName];
    if (schema.type === 'integer') {
        return Math.max(...schema.enum.filter((value: unknown) => typeof value === 'number')) + 1;
    }
    return UNKNOWN_TEXT;
}

function resolveExample(example: Schema): Schema {
    const name = refName(example);
    return name === undefined ? example : resolveExample(contract.components.examples[name]);
}

/** Replaces, in place, every value of an open enum; records where and which enum. */
function replaceOpenEnumValues(value: Json, schema: Schema, path: (string | number)[], replaced: Replaced[]): string | undefined {
    const name = refName(schema);
    if (name !== undefined) {
        if (openEnums.includes(name)) {
            return name;
        }
        schema = schemas[name];
    }
    for (const part of schema.allOf ?? []) {
        replaceOpenEnumValues(value, part, path, replaced);
    }
    const visit = (item: Json, sub: Schema, at: (string | number)[], put: (v: string | number) => void) => {
        if (item === null || sub === undefined) {
            return;
        }
        const enumName = replaceOpenEnumValues(item, sub, at, replaced);
        if (enumName !== undefined) {
            const substitute = unlisted(enumName);
            put(substitute);
            replaced.push({ path: at, enumName, value: substitute });
        }
    };
    if (Array.isArray(value)) {
        if (schema.items !== undefined) {
            value.forEach((item, index) => visit(item, schema.items, [...path, index], v => { value[index] = v; }));
        }
    } else if (value !== null && typeof value === 'object') {
        for (const key of Object.keys(value)) {
            visit(value[key], (schema.properties ?? {})[key], [...path, key], v => { value[key] = v; });
        }
    }
    return undefined;
}

function at(value: unknown, path: (string | number)[]): unknown {
    return path.reduce<unknown>((node, part) => (node as Record<string | number, unknown> | undefined)?.[part], value);
}

const models = client as unknown as Record<string, (json: unknown) => unknown>;
let answers = 0;
let fields = 0;
const failures: string[] = [];
const covered = new Set<string>();
for (const item of Object.values(contract.paths) as Schema[]) {
    for (const [method, operation] of Object.entries(item) as [string, Schema][]) {
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) {
            continue;
        }
        const media = operation.responses['200'].content['application/json'];
        const typeName = refName(media.schema) as string;
        const fromJson = models[`${typeName}FromJSON`];
        const toJson = models[`${typeName}ToJSON`];
        if (fromJson === undefined || toJson === undefined) {
            failures.push(`${operation.operationId}: the client has no ${typeName}FromJSON/${typeName}ToJSON`);
            continue;
        }
        for (const [name, example] of Object.entries(media.examples ?? {}) as [string, Schema][]) {
            const body: Json = JSON.parse(JSON.stringify(resolveExample(example).value));
            const replaced: Replaced[] = [];
            replaceOpenEnumValues(body, media.schema, [], replaced);
            if (replaced.length === 0) {
                continue;
            }
            answers++;
            const where = `${operation.operationId} example ${name}`;
            let written: unknown;
            try {
                written = JSON.parse(JSON.stringify(toJson(fromJson(JSON.parse(JSON.stringify(body))))));
            } catch (error) {
                failures.push(`${where}: ${error}`);
                continue;
            }
            for (const { path, enumName, value } of replaced) {
                fields++;
                covered.add(enumName);
                const read = at(written, path);
                if (read !== value) {
                    failures.push(`${where}: ${path.join('.')} (${enumName}) read as ${JSON.stringify(read)}, not as the unlisted ${JSON.stringify(value)}`);
                }
            }
        }
    }
}

console.log(JSON.stringify({ openEnums, covered: [...covered].sort(), answers, fields, failures }));
