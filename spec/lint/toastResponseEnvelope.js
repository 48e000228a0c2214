// Rule toast-response-envelope: the 200 application/json schema of every operation is an object
// whose required property `header` is exactly a $ref to #/components/schemas/ResponseHeader.
// Runs on the unresolved bundled document (the rule sets `resolved: false`).
import { deref, isObject, operations } from './_oas.js';

export default function toastResponseEnvelope(doc, options) {
  const headerRef = (options && options.headerRef) || '#/components/schemas/ResponseHeader';
  const results = [];
  for (const { op, jsonPath } of operations(doc)) {
    if (!isObject(op.responses) || op.responses['200'] === undefined) continue; // toast-response-200
    const resp = deref(doc, op.responses['200'], [...jsonPath, 'responses', '200']);
    const media = isObject(resp.node) && isObject(resp.node.content) ? resp.node.content['application/json'] : undefined;
    if (!isObject(media) || media.schema === undefined) {
      results.push({
        message: `The 200 response must have an application/json schema (the envelope with \`header\`).`,
        path: resp.path,
      });
      continue;
    }
    const schemaPath = [...resp.path, 'content', 'application/json', 'schema'];
    const { node: schema, path: sPath } = deref(doc, media.schema, schemaPath);
    if (!isObject(schema)) {
      results.push({ message: 'The 200 application/json schema cannot be resolved.', path: schemaPath });
      continue;
    }
    // Collect `required` and `properties` of the schema and of its allOf members.
    const parts = [[schema, sPath]];
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((m, i) => {
        const d = deref(doc, m, [...sPath, 'allOf', i]);
        if (isObject(d.node)) parts.push([d.node, d.path]);
      });
    }
    const required = parts.some(([s]) => Array.isArray(s.required) && s.required.includes('header'));
    const holder = parts.find(([s]) => isObject(s.properties) && s.properties.header !== undefined);
    if (!holder) {
      results.push({
        message: `The 200 application/json schema must have a \`header\` property ($ref: '${headerRef}'): every response carries the result envelope.`,
        path: sPath,
      });
      continue;
    }
    const header = holder[0].properties.header;
    if (!isObject(header) || header.$ref !== headerRef) {
      results.push({
        message: `Property \`header\` must be exactly {$ref: '${headerRef}'}, found ${JSON.stringify(header)}.`,
        path: [...holder[1], 'properties', 'header'],
      });
    }
    if (!required) {
      results.push({
        message: 'Property `header` must be listed in `required`: every response carries the result envelope.',
        path: sPath,
      });
    }
  }
  return results;
}
