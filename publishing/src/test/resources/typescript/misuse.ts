// Mistakes a user could make with the generated client. The build expects tsc to report exactly
// the error named at the end of each marked line, and nothing else: proof that the type check
// checks something.
import { Configuration, InstanceActionApi, InstanceApi, type InstanceCreateSpec } from '../typescript-fetch';

const instances = new InstanceApi(new Configuration({ basePath: 'https://example.invalid' }));
const actions = new InstanceActionApi(new Configuration({ basePath: 'https://example.invalid' }));

export const withoutRequiredFields: InstanceCreateSpec = { name: 'web-01' }; // expect-error TS2740
export const withUnknownField: InstanceCreateSpec = { name: 'web-01', image: 'i', flavor: 'f', networks: [], availabilityZone: 'z', keyName: 'k', securityGroups: [], imageRef: 'x' }; // expect-error TS2353
export const appkeyAsNumber = instances.listInstances({ appkey: 42 }); // expect-error TS2322
export const unknownAction = actions.performInstanceAction({ appkey: 'a', instanceId: 'i', instanceActionRequest: { action: 'explode' } }); // expect-error TS2322
export const statusTypo = instances.listInstances({ appkey: 'a' }).then(r => r.instances?.filter(i => i.status === 'RUNNING')); // expect-error TS2367
