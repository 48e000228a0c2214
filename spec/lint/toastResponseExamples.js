// Rule toast-response-examples: the 200 application/json content of every operation has named
// `examples`, at least one whose name starts with "success" (and whose header.isSuccessful is
// true), and at least one failure example (header.isSuccessful false).
// Runs on the unresolved bundled document (the rule sets `resolved: false`).
import { deref, isObject, operations } from './_oas.js';

export default function toastResponseExamples(doc, options) {
  const successPrefix = (options && options.successPrefix) || 'success';
  const results = [];
  for (const { op, jsonPath } of operations(doc)) {
    if (!isObject(op.responses) || op.responses['200'] === undefined) continue;
    const resp = deref(doc, op.responses['200'], [...jsonPath, 'responses', '200']);
    const media = isObject(resp.node) && isObject(resp.node.content) ? resp.node.content['application/json'] : undefined;
    if (!isObject(media)) continue; // reported by toast-response-envelope
    const mediaPath = [...resp.path, 'content', 'application/json'];
    if (!isObject(media.examples) || Object.keys(media.examples).length === 0) {
      results.push({
        message: `The 200 application/json response needs named \`examples\`: one named "${successPrefix}..." and at least one failure (header.isSuccessful: false).`,
        path: mediaPath,
      });
      continue;
    }
    let successes = 0;
    let failures = 0;
    for (const [name, ex] of Object.entries(media.examples)) {
      const exPath = [...mediaPath, 'examples', name];
      const { node: example } = deref(doc, ex, exPath);
      const value = isObject(example) ? example.value : undefined;
      const ok = isObject(value) && isObject(value.header) ? value.header.isSuccessful : undefined;
      if (typeof ok !== 'boolean') {
        results.push({
          message: `Example "${name}" must have a value with header.isSuccessful (true or false).`,
          path: exPath,
        });
        continue;
      }
      if (name.startsWith(successPrefix)) {
        successes++;
        if (ok !== true) {
          results.push({
            message: `Example "${name}" is named as a success but its header.isSuccessful is false.`,
            path: exPath,
          });
        }
      } else if (ok === false) {
        failures++;
      }
    }
    if (successes === 0) {
      results.push({
        message: `The 200 response needs an example whose name starts with "${successPrefix}".`,
        path: [...mediaPath, 'examples'],
      });
    }
    if (failures === 0) {
      results.push({
        message: 'The 200 response needs at least one failure example (header.isSuccessful: false): failures also answer HTTP 200.',
        path: [...mediaPath, 'examples'],
      });
    }
  }
  return results;
}
