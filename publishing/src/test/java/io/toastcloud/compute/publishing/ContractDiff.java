package io.toastcloud.compute.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/** openapi-diff (org.openapitools.openapidiff, default rules) between an older and a newer contract. */
final class ContractDiff {

    private final ChangedOpenApi diff;

    private ContractDiff(ChangedOpenApi diff) {
        this.diff = diff;
    }

    static ContractDiff between(Path older, Path newer) {
        return new ContractDiff(OpenApiCompare.fromLocations(older.toString(), newer.toString()));
    }

    /** A change that can break a client written against the older contract. */
    boolean incompatible() {
        return diff.isIncompatible();
    }

    boolean unchanged() {
        return diff.isUnchanged();
    }

    String summary() {
        String verdict = diff.isUnchanged() ? "unchanged" : diff.isIncompatible() ? "INCOMPATIBLE" : "compatible";
        return verdict + " (new operations: " + diff.getNewEndpoints().size()
                + ", removed: " + diff.getMissingEndpoints().size()
                + ", changed: " + diff.getChangedOperations().size()
                + ", deprecated: " + diff.getDeprecatedEndpoints().size() + ")";
    }

    /** The difference in Markdown, the form openapi-diff prints for pull requests. */
    String markdown() {
        return render(new MarkdownRender());
    }

    /** Writes the Markdown and HTML reports as {@code <name>.md} and {@code <name>.html} under dir. */
    void writeReports(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".html"), render(new HtmlRender()), StandardCharsets.UTF_8);
    }

    private String render(Render renderer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            renderer.render(diff, writer);
        } catch (IOException e) {
            throw new IllegalStateException("openapi-diff could not render its report", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
