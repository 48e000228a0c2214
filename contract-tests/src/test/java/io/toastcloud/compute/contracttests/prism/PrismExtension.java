package io.toastcloud.compute.contracttests.prism;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PrismEndpoint} parameter. The first test class that asks starts Prism (or
 * checks the external one); every later one shares it; it is stopped when the whole test run
 * ends (the root store closes it). When Prism cannot be had, every test that needs it fails with
 * the reason, once per class, without a new start attempt each time.
 */
public final class PrismExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrismExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrismEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return endpoint(context);
    }

    public static PrismEndpoint endpoint(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Startup.class, k -> Startup.attempt(), Startup.class)
                .endpoint();
    }

    /** The outcome of the one start attempt: the endpoint, or why there is none. */
    private record Startup(PrismEndpoint started, PrismUnavailableException failure) implements AutoCloseable {
        static Startup attempt() {
            try {
                return new Startup(connect(PrismSettings.externalUrl()), null);
            } catch (PrismUnavailableException e) {
                return new Startup(null, e);
            }
        }

        PrismEndpoint endpoint() {
            if (failure != null) {
                throw failure.again();
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }

    /** An external Prism when one is configured, else one started here. */
    static PrismEndpoint connect(Optional<URI> external) {
        if (external.isPresent()) {
            URI url = external.get();
            checkExternal(url);
            return new PrismEndpoint(url, null);
        }
        PrismServer server = PrismServer.start(PrismSettings.prismExecutable(), PrismSettings.servedDocument(),
                PrismSettings.workDir(), PrismSettings.startTimeout());
        return new PrismEndpoint(server.baseUri(), server);
    }

    /** An external Prism must answer a request without X-Auth-Token with its 401, as a mock of this contract does. */
    private static void checkExternal(URI url) {
        String configured = PrismSettings.URL_PROPERTY + " / " + PrismSettings.URL_VARIABLE + " = " + url;
        if (!PrismServer.accepts(url)) {
            throw new PrismUnavailableException(configured + " is not reachable. Start it first (see docs/CONTRACT-TESTS.md) "
                    + "or unset it to let the tests start their own Prism.");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/v1.0/appkeys/probe/flavors"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 401 || !response.body().contains("stoplight.io/prism/errors#UNAUTHORIZED")) {
                throw new PrismUnavailableException(configured + " does not look like a Prism mock of this contract: "
                        + "GET /v1.0/appkeys/probe/flavors without X-Auth-Token answered " + response.statusCode()
                        + ", not Prism's 401");
            }
        } catch (IOException e) {
            throw new PrismUnavailableException(configured + " cannot be queried: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismUnavailableException("interrupted while checking " + configured);
        }
    }
}
