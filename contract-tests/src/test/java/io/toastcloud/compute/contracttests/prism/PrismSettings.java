package io.toastcloud.compute.contracttests.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Prism comes from. By default the tests start their own from
 * {@code <toast.root>/node_modules/.bin/prism}; {@code -Dtoast.prism.url=http://127.0.0.1:4010}
 * (or the environment variable {@code TOAST_PRISM_URL}) points them at one already running, for
 * example the {@code stoplight/prism} Docker image.
 */
public final class PrismSettings {
    public static final String URL_PROPERTY = "toast.prism.url";
    public static final String URL_VARIABLE = "TOAST_PRISM_URL";
    /** The bundled contract in the toast-compute-spec jar: the same bytes the client validates against. */
    static final String BUNDLE_RESOURCE = "openapi/toast-compute-openapi.json";

    private PrismSettings() {
    }

    /** The external Prism's root URL, when one is configured. */
    public static Optional<URI> externalUrl() {
        String value = System.getProperty(URL_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(URL_VARIABLE);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        return Optional.of(URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
    }

    /** The repository root (surefire passes {@code toast.root}; from an IDE the working directory is the module). */
    public static Path repositoryRoot() {
        String root = System.getProperty("toast.root");
        Path candidate = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return candidate.toAbsolutePath().normalize();
    }

    public static Path prismExecutable() {
        return repositoryRoot().resolve("node_modules/.bin/prism");
    }

    /** Where Prism's log and the served copy of the contract go. */
    public static Path workDir() {
        String dir = System.getProperty("toast.prism.workdir");
        Path path = dir != null ? Path.of(dir) : Path.of("target", "prism").toAbsolutePath();
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("toast.prism.startTimeoutSeconds", 60));
    }

    /**
     * Writes the bundled contract from the classpath to the work directory, for Prism to serve:
     * as {@link PrismCompatibleContract} makes it (the JSON bundle, null dropped from the enums of
     * nullable schemas, which Prism otherwise stops validating bodies over).
     */
    public static Path servedDocument() {
        Path target = workDir().resolve("toast-compute-openapi.prism.json");
        try (InputStream in = PrismSettings.class.getClassLoader().getResourceAsStream(BUNDLE_RESOURCE)) {
            if (in == null) {
                throw new PrismUnavailableException("the bundled contract " + BUNDLE_RESOURCE
                        + " is not on the classpath (the toast-compute-spec dependency is missing)");
            }
            JsonNode contract = new ObjectMapper().readTree(in);
            Files.write(target, PrismCompatibleContract.write(PrismCompatibleContract.of(contract)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
