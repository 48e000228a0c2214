package io.toastcloud.compute.client.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.toastcloud.compute.client.StubService;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import java.util.List;

/**
 * A stub that answers every call with one body holding a plausible value for every response
 * field of the API (the client reads past the fields an answer does not have), and tells which
 * operation of the contract each request was.
 */
final class FacadeStub {
    /** Every one-thing and list field of the contract's answers, filled once. */
    static final String EVERYTHING = ok(String.join(",",
            "\"instance\":{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"BUILD\"}",
            "\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"ACTIVE\","
                    + "\"addresses\":[{\"ipAddress\":\"192.168.0.10\",\"version\":4}]}]",
            "\"volume\":{\"id\":\"v-1\",\"name\":\"data\",\"size\":10,\"status\":\"creating\"}",
            "\"volumes\":[{\"id\":\"v-1\",\"name\":\"data\",\"size\":10,\"status\":\"available\"}]",
            "\"attachment\":{\"id\":\"att-1\",\"volumeId\":\"v-1\",\"device\":\"/dev/vdb\"}",
            "\"images\":[{\"id\":\"img-1\",\"name\":\"CentOS 7.3\",\"status\":\"active\"}]",
            "\"createdImage\":{\"id\":\"img-9\",\"name\":\"golden\"}",
            "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAAA\",\"fingerprint\":\"aa:bb\"}",
            "\"keypairs\":[{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAAA\",\"fingerprint\":\"aa:bb\"}]",
            "\"securityGroup\":{\"id\":\"sg-1\",\"name\":\"web\"}",
            "\"securityGroups\":[{\"id\":\"sg-1\",\"name\":\"web\"}]",
            "\"securityGroupRule\":{\"id\":\"r-1\",\"securityGroupId\":\"sg-1\",\"direction\":\"ingress\"}",
            "\"securityGroupRules\":[{\"id\":\"r-1\",\"securityGroupId\":\"sg-1\",\"direction\":\"ingress\"},"
                    + "{\"id\":\"r-2\",\"securityGroupId\":\"sg-2\",\"direction\":\"egress\"}]",
            "\"networks\":[{\"id\":\"n-1\",\"name\":\"Default Network\"}]",
            "\"subnets\":[{\"id\":\"s-1\",\"name\":\"Default Network\",\"networkId\":\"n-1\"},"
                    + "{\"id\":\"s-2\",\"name\":\"other\",\"networkId\":\"n-2\"}]",
            "\"flavors\":[{\"id\":\"f-1\",\"name\":\"t2.c1m1\",\"vcpus\":1,\"ram\":1024}]",
            "\"zones\":[{\"zoneName\":\"kr-pub-a\",\"zoneState\":{\"available\":true}}]",
            "\"floatingip\":{\"id\":\"fip-1\",\"floatingIpAddress\":\"133.186.150.12\"}",
            "\"floatingips\":[{\"id\":\"fip-1\",\"floatingIpAddress\":\"133.186.150.12\"}]",
            "\"pools\":[{\"id\":\"pool-1\",\"name\":\"public\"}]"));

    final StubService stub = new StubService();

    /** An instance spec the contract accepts. */
    static InstanceCreateSpec instanceSpec() {
        return new InstanceCreateSpec().name("web-01").image("img-1").flavor("f-1").keyName("k")
                .networks(List.of(new NetworkReference().id("n-1"))).availabilityZone("kr-pub-a")
                .volume(new InstanceRootVolumeSpec().size(50)).securityGroups(List.of(new SecurityGroupName().name("default")));
    }

    FacadeStub() {
        stub.issuesToken("token-1");
        stub.server.stubFor(any(urlPathMatching(BASE + "/(?!tokens).*")).willReturn(json(EVERYTHING)));
    }

    /** The requests made, the token issue left out. */
    List<LoggedRequest> calls() {
        return stub.server.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getUrl().startsWith(BASE + "/tokens")).toList();
    }

    /** The contract's operation a request was, by method and path template; null if none. */
    static String operationOf(LoggedRequest request) {
        for (OperationInfo op : Contract.bundled().operations().values()) {
            String path = op.path().replaceAll("\\{appkey}", StubService.APPKEY).replaceAll("\\{[^}]+}", "[^/]+");
            if (op.method().equals(request.getMethod().getName()) && request.getUrl().split("\\?")[0].matches(path)) {
                return op.operationId();
            }
        }
        return null;
    }
}
