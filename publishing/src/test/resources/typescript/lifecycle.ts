// A short lifecycle through the generated TypeScript client (typescript-fetch), compiled by the
// build and run with node against the emulator that LifecycleTest starts (TOAST_ENDPOINT).
// Every answer is read through the generated models (the client's *FromJSON) and checked with the
// generated instanceOf* guards; a failure names the operation and the field. Prints one line per
// step, and "lifecycle ok" at the end.
import {
    AvailabilityZoneApi,
    Configuration,
    Direction,
    Ethertype,
    FlavorApi,
    ImageApi,
    InstanceApi,
    InstanceStatus,
    KeypairApi,
    NetworkApi,
    Protocol,
    SecurityGroupApi,
    SecurityGroupRuleApi,
    TokenApi,
    instanceOfAvailabilityZone,
    instanceOfAvailabilityZoneListResponse,
    instanceOfCreatedKeypair,
    instanceOfFlavor,
    instanceOfFlavorListResponse,
    instanceOfHeaderOnlyResponse,
    instanceOfImage,
    instanceOfImageListResponse,
    instanceOfInstanceCreateResponse,
    instanceOfInstanceListResponse,
    instanceOfInstanceSummary,
    instanceOfKeypairCreateResponse,
    instanceOfNetwork,
    instanceOfNetworkListResponse,
    instanceOfSecurityGroup,
    instanceOfSecurityGroupResponse,
    instanceOfSecurityGroupRule,
    instanceOfSecurityGroupRuleResponse,
    instanceOfToken,
    instanceOfTokenResponse,
    type ResponseHeader,
} from '../typescript-fetch';

// Node's globals used here (the build type-checks without @types/node).
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

type Guard = (value: object) => boolean;

class LifecycleFailure extends Error {
}

function env(name: string): string {
    const value = process.env[name];
    if (value === undefined || value === '') {
        throw new LifecycleFailure(`environment variable ${name} is not set`);
    }
    return value;
}

const endpoint = env('TOAST_ENDPOINT');
const appkey = env('TOAST_APPKEY');
const username = env('TOAST_USERNAME');
const password = env('TOAST_PASSWORD');

/** The required fields a generated guard tests ('name' in value), read from its own code. */
function requiredBy(guard: Guard): string[] {
    return [...guard.toString().matchAll(/'([A-Za-z0-9_]+)' in value/g)].map(match => match[1]);
}

/** The value conforms to the generated model, or the failure names the operation and the field. */
function conform<T>(operation: string, path: string, value: T | undefined, guard: Guard, model: string): T {
    if (value === undefined || value === null || typeof value !== 'object') {
        throw new LifecycleFailure(`${operation}: ${path} is missing (a ${model} was expected)`);
    }
    if (!guard(value as object)) {
        const record = value as Record<string, unknown>;
        const missing = requiredBy(guard).filter(field => record[field] === undefined);
        throw new LifecycleFailure(`${operation}: ${path}.${missing.join(`, ${path}.`)} missing (required by ${model})`);
    }
    return value;
}

/** Every answer is HTTP 200: the operation failed when its header says so. */
function succeeded(operation: string, header: ResponseHeader): void {
    if (!header.isSuccessful) {
        throw new LifecycleFailure(`${operation}: header.isSuccessful is false (resultCode ${header.resultCode}: ${header.resultMessage})`);
    }
}

function first<T>(operation: string, path: string, items: T[] | undefined, guard: Guard, model: string,
                  accept: (item: T) => boolean = () => true): T {
    if (items === undefined) {
        throw new LifecycleFailure(`${operation}: ${path} is missing`);
    }
    items.forEach((item, index) => conform(operation, `${path}[${index}]`, item, guard, model));
    const found = items.find(accept);
    if (found === undefined) {
        throw new LifecycleFailure(`${operation}: no suitable item in ${path} (${items.length} listed)`);
    }
    return found;
}

function step(text: string): void {
    console.log(`step: ${text}`);
}

async function sleep(ms: number): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
    const anonymous = new Configuration({ basePath: endpoint });
    const issued = conform('issueToken', 'response',
        await new TokenApi(anonymous).issueToken({ appkey, tokenIssueRequest: { auth: { username, password } } }),
        instanceOfTokenResponse, 'TokenResponse');
    succeeded('issueToken', issued.header);
    const token = conform('issueToken', 'access.token', issued.access?.token, instanceOfToken, 'Token');
    step(`token issued, expires ${token.expires}`);

    const config = new Configuration({ basePath: endpoint, apiKey: token.id });

    const flavors = conform('listFlavors', 'response', await new FlavorApi(config).listFlavors({ appkey }),
        instanceOfFlavorListResponse, 'FlavorListResponse');
    succeeded('listFlavors', flavors.header);
    // A flavor without a local disk takes a root volume (the contract's x-rules on create).
    const flavor = first('listFlavors', 'flavors', flavors.flavors, instanceOfFlavor, 'Flavor',
        candidate => candidate.volumeSize === undefined || candidate.volumeSize === null);
    step(`flavor ${flavor.name}: ${flavor.vcpus} vCPU, ${flavor.ram} MB`);

    const images = conform('listImages', 'response', await new ImageApi(config).listImages({ appkey }),
        instanceOfImageListResponse, 'ImageListResponse');
    succeeded('listImages', images.header);
    const image = first('listImages', 'images', images.images, instanceOfImage, 'Image');
    const networks = conform('listNetworks', 'response', await new NetworkApi(config).listNetworks({ appkey }),
        instanceOfNetworkListResponse, 'NetworkListResponse');
    succeeded('listNetworks', networks.header);
    const network = first('listNetworks', 'networks', networks.networks, instanceOfNetwork, 'Network');
    const zones = conform('listAvailabilityZones', 'response',
        await new AvailabilityZoneApi(config).listAvailabilityZones({ appkey }),
        instanceOfAvailabilityZoneListResponse, 'AvailabilityZoneListResponse');
    succeeded('listAvailabilityZones', zones.header);
    const zone = first('listAvailabilityZones', 'zones', zones.zones, instanceOfAvailabilityZone, 'AvailabilityZone');
    step(`image ${image.name}, network ${network.name}, zone ${zone.zoneName}`);

    const keypairs = new KeypairApi(config);
    const createdKey = conform('createKeypair', 'response',
        await keypairs.createKeypair({ appkey, keypairCreateRequest: { keypair: { name: 'ts-lifecycle-key' } } }),
        instanceOfKeypairCreateResponse, 'KeypairCreateResponse');
    succeeded('createKeypair', createdKey.header);
    const keypair = conform('createKeypair', 'keypair', createdKey.keypair, instanceOfCreatedKeypair, 'CreatedKeypair');
    step(`key pair ${keypair.name}, fingerprint ${keypair.fingerprint}`);

    const groups = new SecurityGroupApi(config);
    const createdGroup = conform('createSecurityGroup', 'response',
        await groups.createSecurityGroup({ appkey, securityGroupRequest: { securityGroup: { name: 'ts-lifecycle-ssh' } } }),
        instanceOfSecurityGroupResponse, 'SecurityGroupResponse');
    succeeded('createSecurityGroup', createdGroup.header);
    const group = conform('createSecurityGroup', 'securityGroup', createdGroup.securityGroup, instanceOfSecurityGroup, 'SecurityGroup');
    const rules = new SecurityGroupRuleApi(config);
    const createdRule = conform('createSecurityGroupRule', 'response',
        await rules.createSecurityGroupRule({
            appkey, securityGroupRuleCreateRequest: {
                securityGroupRule: {
                    securityGroupId: group.id, direction: Direction.Ingress, ethertype: Ethertype.Ipv4,
                    protocol: Protocol.Tcp, portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0',
                },
            },
        }), instanceOfSecurityGroupRuleResponse, 'SecurityGroupRuleResponse');
    succeeded('createSecurityGroupRule', createdRule.header);
    const rule = conform('createSecurityGroupRule', 'securityGroupRule', createdRule.securityGroupRule,
        instanceOfSecurityGroupRule, 'SecurityGroupRule');
    step(`security group ${group.name}, rule ${rule.direction} ${rule.protocol}/${rule.portRangeMin}`);

    const instances = new InstanceApi(config);
    const rootSize = Math.max(20, image.minDisk ?? 0);
    const created = conform('createInstance', 'response', await instances.createInstance({
        appkey, instanceCreateRequest: {
            instance: {
                name: 'ts-lifecycle-01', image: image.id, flavor: flavor.id, networks: [{ id: network.id }],
                availabilityZone: zone.zoneName, keyName: keypair.name, volume: { size: rootSize },
                securityGroups: [{ name: 'default' }, { name: group.name }],
            },
        },
    }), instanceOfInstanceCreateResponse, 'InstanceCreateResponse');
    succeeded('createInstance', created.header);
    const instance = conform('createInstance', 'instance', created.instance, instanceOfInstanceSummary, 'InstanceSummary');
    step(`instance ${instance.name} is ${instance.status}`);

    let status = instance.status;
    for (let poll = 0; status !== InstanceStatus.Active; poll++) {
        if (poll >= 200) {
            throw new LifecycleFailure(`listInstances: instances[0].status is still ${status} after ${poll} polls`);
        }
        await sleep(50);
        const listed = conform('listInstances', 'response', await instances.listInstances({ appkey, id: instance.id }),
            instanceOfInstanceListResponse, 'InstanceListResponse');
        succeeded('listInstances', listed.header);
        status = first('listInstances', 'instances', listed.instances, instanceOfInstanceSummary, 'InstanceSummary').status;
    }
    step(`instance ${instance.name} is ${status}`);

    const deleted = await instances.deleteInstance({ appkey, id: instance.id });
    succeeded('deleteInstance', conform('deleteInstance', 'response', deleted, instanceOfHeaderOnlyResponse, 'HeaderOnlyResponse').header);
    for (let poll = 0; ; poll++) {
        const listed = conform('listInstances', 'response', await instances.listInstances({ appkey }),
            instanceOfInstanceListResponse, 'InstanceListResponse');
        succeeded('listInstances', listed.header);
        if (!(listed.instances ?? []).some(candidate => candidate.id === instance.id)) {
            break;
        }
        if (poll >= 200) {
            throw new LifecycleFailure(`listInstances: instance ${instance.id} still listed after deleteInstance`);
        }
        await sleep(50);
    }
    step(`instance ${instance.name} deleted`);

    for (const [operation, answer] of [
        ['deleteSecurityGroupRule', await rules.deleteSecurityGroupRule({ appkey, id: rule.id })],
        ['deleteSecurityGroup', await groups.deleteSecurityGroup({ appkey, id: group.id })],
        ['deleteKeypair', await keypairs.deleteKeypair({ appkey, name: keypair.name })],
    ] as const) {
        succeeded(operation, conform(operation, 'response', answer, instanceOfHeaderOnlyResponse, 'HeaderOnlyResponse').header);
    }
    step('rule, security group and key pair deleted');
    console.log('lifecycle ok');
}

main().catch(error => {
    console.error(error instanceof LifecycleFailure ? `lifecycle failed: ${error.message}` : error);
    process.exit(1);
});
