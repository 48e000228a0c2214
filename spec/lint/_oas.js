// Helpers shared by this project's Spectral functions. They work on the *bundled* document
// (target/openapi/toast-compute-openapi.yaml), where every $ref is local ("#/components/...").
// Not a Spectral function itself: it is not listed under `functions:` in .spectral.yaml.

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every operation: { path, method, op, jsonPath }. */
export function* operations(doc) {
  if (!isObject(doc) || !isObject(doc.paths)) return;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      if (isObject(item[method])) {
        yield { path, method, op: item[method], jsonPath: ['paths', path, method] };
      }
    }
  }
}

/** '#/components/schemas/A~1B' -> ['components', 'schemas', 'A/B']; undefined when not local. */
export function pointerToPath(ref) {
  if (typeof ref !== 'string' || !(ref === '#' || ref.startsWith('#/'))) return undefined;
  if (ref === '#') return [];
  return ref
    .slice(2)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function get(doc, path) {
  let cur = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[key];
  }
  return cur;
}

/**
 * Follows a $ref chain. Returns { node, path, refs } where node is the final target (undefined
 * when a ref cannot be followed), path its location and refs the refs met on the way.
 */
export function deref(doc, node, path) {
  const refs = [];
  let cur = node;
  let curPath = path;
  while (isObject(cur) && typeof cur.$ref === 'string') {
    if (refs.includes(cur.$ref)) break; // cycle
    refs.push(cur.$ref);
    const target = pointerToPath(cur.$ref);
    if (target === undefined) return { node: undefined, path: curPath, refs };
    curPath = target;
    cur = get(doc, target);
  }
  return { node: cur, path: curPath, refs };
}

/** Sub-schemas of a schema object, as [childNode, childPath, propertyName|undefined]. */
export function* subSchemas(node, path) {
  if (!isObject(node)) return;
  if (isObject(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) {
      yield [child, [...path, 'properties', name], name];
    }
  }
  if (isObject(node.items)) yield [node.items, [...path, 'items']];
  if (isObject(node.additionalProperties)) {
    yield [node.additionalProperties, [...path, 'additionalProperties']];
  }
  if (isObject(node.not)) yield [node.not, [...path, 'not']];
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(node[k])) {
      for (let i = 0; i < node[k].length; i++) yield [node[k][i], [...path, k, i]];
    }
  }
}

/**
 * Depth-first walk over a schema and everything reachable from it through $refs and
 * sub-schemas. visit(node, path, propertyName) is called once per schema location.
 * `visited` (a Set of path keys) may be shared between walks.
 */
export function walkSchema(doc, node, path, visit, visited = new Set(), propertyName = undefined) {
  const { node: target, path: targetPath } = deref(doc, node, path);
  if (!isObject(target)) return;
  const key = JSON.stringify(targetPath);
  if (visited.has(key)) return;
  visited.add(key);
  visit(target, targetPath, propertyName);
  for (const [child, childPath, name] of subSchemas(target, targetPath)) {
    walkSchema(doc, child, childPath, visit, visited, name);
  }
}

/** Every schema root in the document: component schemas, parameters, bodies, responses, headers. */
export function* schemaRoots(doc) {
  const comps = isObject(doc.components) ? doc.components : {};
  for (const [name, s] of Object.entries(comps.schemas ?? {})) {
    yield [s, ['components', 'schemas', name]];
  }
  for (const [name, p] of Object.entries(comps.parameters ?? {})) {
    if (isObject(p) && p.schema) yield [p.schema, ['components', 'parameters', name, 'schema']];
  }
  for (const [name, h] of Object.entries(comps.headers ?? {})) {
    if (isObject(h) && h.schema) yield [h.schema, ['components', 'headers', name, 'schema']];
  }
  for (const [kind, holder] of [
    ['requestBodies', comps.requestBodies],
    ['responses', comps.responses],
  ]) {
    for (const [name, body] of Object.entries(holder ?? {})) {
      yield* mediaSchemas(body, ['components', kind, name]);
    }
  }
  for (const { op, jsonPath, path } of operations(doc)) {
    const item = doc.paths[path];
    for (const [ps, pPath] of [
      [item.parameters, ['paths', path, 'parameters']],
      [op.parameters, [...jsonPath, 'parameters']],
    ]) {
      if (!Array.isArray(ps)) continue;
      for (let i = 0; i < ps.length; i++) {
        if (isObject(ps[i]) && ps[i].schema) yield [ps[i].schema, [...pPath, i, 'schema']];
      }
    }
    if (isObject(op.requestBody)) yield* mediaSchemas(op.requestBody, [...jsonPath, 'requestBody']);
    for (const [code, resp] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      yield* mediaSchemas(resp, [...jsonPath, 'responses', code]);
    }
  }
}

function* mediaSchemas(holder, path) {
  if (!isObject(holder) || !isObject(holder.content)) return;
  for (const [mt, media] of Object.entries(holder.content)) {
    if (isObject(media) && media.schema) yield [media.schema, [...path, 'content', mt, 'schema']];
  }
}

/** Schemas reachable from a response (operation responses and components.responses). */
export function* responseSchemaRoots(doc) {
  const comps = isObject(doc.components) ? doc.components : {};
  for (const [name, body] of Object.entries(comps.responses ?? {})) {
    yield* mediaSchemas(body, ['components', 'responses', name]);
  }
  for (const { op, jsonPath } of operations(doc)) {
    for (const [code, resp] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      const r = deref(doc, resp, [...jsonPath, 'responses', code]);
      yield* mediaSchemas(r.node, r.path);
    }
  }
}
