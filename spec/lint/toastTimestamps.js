// Rule toast-timestamps: the guide's timestamps have no UTC offset, so
//  - no schema anywhere has `format: date-time`;
//  - a property whose name matches `namePattern` (default: ends in At/_at, or is `expires`)
//    must be a timestamp: its schema (or a schema it $refs) has `x-timestamp: true`;
//  - a schema with `x-timestamp: true` is `type: string` with a `pattern`.
// Runs on the unresolved bundled document.
import { get, isObject, pointerToPath, schemaRoots, walkSchema } from './_oas.js';

function isTimestamp(doc, node, path) {
  let cur = node;
  let curPath = path;
  for (let hops = 0; hops < 20 && isObject(cur); hops++) {
    if (cur['x-timestamp'] === true) return true;
    if (Array.isArray(cur.allOf) && cur.allOf.some((m, i) => isTimestamp(doc, m, [...curPath, 'allOf', i]))) return true;
    if (typeof cur.$ref !== 'string') return false;
    // One $ref at a time, so that a marker anywhere on the chain counts.
    const target = pointerToPath(cur.$ref);
    if (target === undefined) return false;
    cur = get(doc, target);
    curPath = target;
  }
  return false;
}

export default function toastTimestamps(doc, options) {
  const namePattern = new RegExp((options && options.namePattern) || '(At|_at)$|^expires$');
  const results = [];
  const visited = new Set();
  for (const [root, rootPath] of schemaRoots(doc)) {
    walkSchema(doc, root, rootPath, (node, path) => {
      if (node.format === 'date-time') {
        results.push({
          message: 'Do not use `format: date-time`: the service writes timestamps without a UTC offset. Use the Timestamp schema (string + pattern + x-timestamp: true).',
          path: [...path, 'format'],
        });
      }
      if (node['x-timestamp'] === true && (node.type !== 'string' || typeof node.pattern !== 'string')) {
        results.push({
          message: 'A schema marked `x-timestamp: true` must be `type: string` with a `pattern`.',
          path: [...path, 'x-timestamp'],
        });
      }
      if (isObject(node.properties)) {
        for (const [name, prop] of Object.entries(node.properties)) {
          if (namePattern.test(name) && !isTimestamp(doc, prop, [...path, 'properties', name])) {
            results.push({
              message: `Property "${name}" holds a timestamp (its name matches /${namePattern.source}/): give it the Timestamp schema (x-timestamp: true).`,
              path: [...path, 'properties', name],
            });
          }
        }
      }
    }, visited);
  }
  return results;
}
