package io.toastcloud.compute.contracttests.prism;

import java.net.URI;

/**
 * The Prism the tests talk to: one they started ({@code server} set; stopped when closed) or an
 * already running one named by {@code toast.prism.url} / {@code TOAST_PRISM_URL}.
 */
public record PrismEndpoint(URI baseUri, PrismServer server) implements AutoCloseable {
    public boolean managed() {
        return server != null;
    }

    /** A URL on this Prism, for example {@code url("/v1.0/appkeys/k/flavors")}. */
    public URI url(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return (managed() ? "Prism started by the tests at " : "external Prism at ") + baseUri;
    }
}
