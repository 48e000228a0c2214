package io.toastcloud.compute.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.client.StubService;
import io.toastcloud.compute.client.ToastComputeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quickstart is this file's code; it runs against a stub and is kept identical to README.md. */
class QuickstartTest {
    @Test
    void quickstartRunsAgainstAStub() {
        try (StubService stub = new StubService()) {
            stub.issuesToken("token-1");
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok(
                    "\"flavors\":[{\"id\":\"f\",\"name\":\"t2.c1m1\",\"vcpus\":1,\"ram\":1024,\"disabled\":false,\"isPublic\":true}]"))));
            stub.server.stubFor(post(urlPathEqualTo(BASE + "/instances")).willReturn(json(ok(
                    "\"instance\":{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"BUILD\"}"))));
            // The waiter polls the detailed list, filtered by id, and returns the detail with its addresses.
            String detail = "\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"%s\","
                    + "\"addresses\":[{\"ipAddress\":\"192.168.0.10\",\"version\":4}]}]";
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/instances-detail")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(json(ok(detail.formatted("BUILD")))).willSetStateTo("up"));
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/instances-detail")).inScenario("s").whenScenarioStateIs("up")
                    .willReturn(json(ok(detail.formatted("ACTIVE")))));
            try (ToastComputeClient toast = stub.client()) {
                assertEquals("i-1", Quickstart.run(toast));
            }
        }
    }

    @Test
    void readmeShowsExactlyThisQuickstart() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/toastcloud/compute/examples/Quickstart.java"));
        String code = between(source, "// quickstart:begin\n", "// quickstart:end").strip();
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(code), "README.md must contain the quickstart of Quickstart.java verbatim; update README.md");
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
