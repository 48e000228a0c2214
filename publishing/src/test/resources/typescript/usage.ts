// What a TypeScript user of the generated client (typescript-fetch) writes. Type-checked by the
// build, never run: if the generated types stop fitting these calls, the build fails.
import {
    Configuration,
    InstanceActionApi,
    InstanceApi,
    InstanceStatus,
    RebootType,
    TokenApi,
    type InstanceCreateSpec,
    type InstanceSummary,
    type ResponseHeader,
} from '../typescript-fetch';

const endpoint = 'https://api-compute.cloud.toast.com/compute';

/** Every response is HTTP 200: failures are told by the body's header. */
export class ToastResultError extends Error {
    constructor(readonly header: ResponseHeader) {
        super(`TOAST Cloud result ${header.resultCode}: ${header.resultMessage}`);
    }
}

function ensureSuccess(header: ResponseHeader): void {
    if (!header.isSuccessful) {
        throw new ToastResultError(header);
    }
}

export async function issueToken(appkey: string, username: string, password: string): Promise<string> {
    const tokens = new TokenApi(new Configuration({ basePath: endpoint }));
    const response = await tokens.issueToken({ appkey, tokenIssueRequest: { auth: { username, password } } });
    ensureSuccess(response.header);
    if (response.access === undefined) {
        throw new Error('a successful token response without access');
    }
    return response.access.token.id;
}

export async function activeInstances(appkey: string, token: string): Promise<InstanceSummary[]> {
    const instances = new InstanceApi(new Configuration({ basePath: endpoint, apiKey: token }));
    const response = await instances.listInstances({ appkey });
    ensureSuccess(response.header);
    return (response.instances ?? []).filter(instance => instance.status === InstanceStatus.Active);
}

export async function createWebServer(appkey: string, token: string): Promise<string> {
    const instances = new InstanceApi(new Configuration({ basePath: endpoint, apiKey: token }));
    const instance: InstanceCreateSpec = {
        name: 'web-01',
        image: '5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e',
        flavor: 'b1f4c7d2-6e3a-4f8b-9c5d-1a2b3c4d5e6f',
        networks: [{ id: '0b8e4c2d-7f6a-4e5b-9c3d-2a1b0c9d8e7f' }],
        availabilityZone: 'kr-pub-a',
        keyName: 'my-key',
        securityGroups: [{ name: 'default' }],
    };
    const response = await instances.createInstance({ appkey, instanceCreateRequest: { instance } });
    ensureSuccess(response.header);
    if (response.instance === undefined) {
        throw new Error('a successful create response without the instance');
    }
    return response.instance.id;
}

export async function softReboot(appkey: string, token: string, instanceId: string): Promise<void> {
    const actions = new InstanceActionApi(new Configuration({ basePath: endpoint, apiKey: token }));
    const response = await actions.performInstanceAction({
        appkey,
        instanceId,
        instanceActionRequest: { action: 'reboot', parameters: { type: RebootType.Soft } },
    });
    ensureSuccess(response.header);
}
