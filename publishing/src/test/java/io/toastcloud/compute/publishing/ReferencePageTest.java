package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.publishing.ReferencePage.RenderedOperation;
import io.toastcloud.compute.publishing.ReferencePage.Rendering;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The reference page (target/site/index.html, built by redocly build-docs) opened in headless
 * Chromium: every operation of the contract must be readable on it, it must not need the network,
 * and a screenshot is kept under target/.
 */
class ReferencePageTest {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 2000;

    @Test
    void everyOperationOfTheContractIsOnThePage() throws Exception {
        List<Operation> contract = Operation.of(Build.bundleJson());
        assertFalse(contract.isEmpty(), "the bundle has no operations");

        try (HeadlessChromium chromium = HeadlessChromium.start(Build.chromium(),
                Build.target("chromium", "reference-page.log"), WIDTH, HEIGHT)) {
            Path overview = Build.target("redoc.png");
            Rendering rendering = ReferencePage.render(chromium, Build.docsHtml(), overview);
            // What the page showed, for whoever reads a failure.
            new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(Build.target("reference-page-operations.json").toFile(), rendering);
            Path operationShot = Build.target("redoc-createInstance.png");
            rendering.operations().stream()
                    .filter(shown -> shown.route().endsWith("/createinstance"))
                    .findFirst()
                    .ifPresent(shown -> ReferencePage.open(chromium, shown.route()));
            chromium.screenshot(operationShot);

            List<Operation> missing = ReferencePage.missing(contract, rendering.operations());
            List<RenderedOperation> unexpected = ReferencePage.unexpected(contract, rendering.operations());
            Figures.record("reference page: operations of the contract shown",
                    (contract.size() - missing.size()) + " of " + contract.size());
            Figures.record("reference page: operation sections rendered", rendering.operations().size());
            Figures.record("reference page: requests leaving the machine", rendering.externalRequests());
            Figures.record("reference page: screenshots", overview + ", " + operationShot);

            assertEquals(List.of(), missing, "operations of the contract that the page does not show"
                    + " (heading = summary, method and path, route = operation id)");
            assertEquals(List.of(), unexpected.stream().map(RenderedOperation::route).toList(),
                    "operation sections on the page that match no operation of the contract");
            assertTrue(ReferencePage.ALLOWED_EXTERNAL.containsAll(rendering.externalRequests()),
                    "the page fetched something from the network (it must be self-contained): "
                            + rendering.externalRequests());
            assertScreenshot(overview);
            assertScreenshot(operationShot);
        }
    }

    @Test
    void anOperationMissingFromThePageIsDetected() throws Exception {
        // The same contract without one operation (POST /instances; its path keeps GET and DELETE),
        // built into a page the same way: the check must name exactly that operation.
        ObjectMapper json = new ObjectMapper();
        ObjectNode altered = (ObjectNode) json.readTree(Build.bundleJson().toFile());
        ((ObjectNode) altered.path("paths").path("/v1.0/appkeys/{appkey}/instances")).remove("post");
        Path dir = Build.target("reference-page-check");
        Files.createDirectories(dir);
        Path contractFile = dir.resolve("without-createInstance.json");
        json.writeValue(contractFile.toFile(), altered);
        Path page = ReferencePage.build(contractFile, dir.resolve("without-createInstance.html"));

        try (HeadlessChromium chromium = HeadlessChromium.start(Build.chromium(),
                Build.target("chromium", "reference-page-check.log"), WIDTH, HEIGHT)) {
            Rendering rendering = ReferencePage.render(chromium, page, null);
            List<Operation> missing = ReferencePage.missing(Operation.of(Build.bundleJson()), rendering.operations());
            assertEquals(List.of("createInstance"), missing.stream().map(Operation::operationId).toList(),
                    "the check must report the one operation left out of the page");
        }
    }

    /** A PNG of the window's size, with something on it (a blank page compresses to a few KB). */
    private static void assertScreenshot(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertArrayEquals(signature, Arrays.copyOf(bytes, 8), png + " is not a PNG");
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        assertEquals(WIDTH, header.getInt(), png + " width");
        assertEquals(HEIGHT, header.getInt(), png + " height");
        assertTrue(bytes.length > 50_000, png + " is only " + bytes.length + " bytes: is the page blank?");
    }
}
