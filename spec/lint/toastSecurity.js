// Rule toast-security: every operation requires the X-Auth-Token API key (through its own
// `security` or the root `security`), except the public operations (issueToken), which must
// declare `security: []`. Runs on the unresolved bundled document.
import { isObject, operations } from './_oas.js';

export default function toastSecurity(doc, options) {
  const headerName = ((options && options.headerName) || 'X-Auth-Token').toLowerCase();
  const publicOps = (options && options.publicOperations) || ['issueToken'];
  const results = [];
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const tokenSchemes = Object.entries(schemes)
    .filter(([, s]) => isObject(s) && s.type === 'apiKey' && s.in === 'header' && String(s.name).toLowerCase() === headerName)
    .map(([name]) => name);
  if (tokenSchemes.length === 0) {
    return [{
      message: `components.securitySchemes must define an apiKey scheme in header "${headerName}".`,
      path: ['components'],
    }];
  }
  for (const { op, jsonPath } of operations(doc)) {
    const id = op.operationId;
    if (publicOps.includes(id)) {
      if (!Array.isArray(op.security) || op.security.length !== 0) {
        results.push({
          message: `Operation ${id} is public: it must declare \`security: []\` (no token is needed to issue one).`,
          path: jsonPath,
        });
      }
      continue;
    }
    const own = op.security !== undefined;
    const effective = own ? op.security : doc.security;
    const where = own ? [...jsonPath, 'security'] : jsonPath;
    if (!Array.isArray(effective) || effective.length === 0) {
      results.push({
        message: `Operation ${id || ''} must require ${tokenSchemes.join(' or ')} (X-Auth-Token); no security requirement applies to it.`,
        path: where,
      });
      continue;
    }
    effective.forEach((req, i) => {
      if (!isObject(req) || !Object.keys(req).some((k) => tokenSchemes.includes(k))) {
        results.push({
          message: `Security requirement ${JSON.stringify(req)} of operation ${id || ''} does not include ${tokenSchemes.join(' or ')}: it would make X-Auth-Token optional.`,
          path: own ? [...where, i] : ['security', i],
        });
      }
    });
  }
  return results;
}
