// Rule toast-tolerant-responses: no schema reachable from a response sets
// `additionalProperties: false`. Clients must read responses tolerantly: the service may add
// fields at any time. (Request schemas may be strict.) Runs on the unresolved bundled document.
import { responseSchemaRoots, walkSchema } from './_oas.js';

export default function toastTolerantResponses(doc) {
  const results = [];
  const visited = new Set();
  for (const [root, rootPath] of responseSchemaRoots(doc)) {
    walkSchema(doc, root, rootPath, (node, path) => {
      if (node.additionalProperties === false) {
        results.push({
          message: `Schema ${path.join('.')} is reachable from a response and sets \`additionalProperties: false\`; response schemas must tolerate unknown fields.`,
          path: [...path, 'additionalProperties'],
        });
      }
    }, visited);
  }
  return results;
}
