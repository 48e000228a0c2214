package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The Redoc reference page: build it from a contract, open it in Chromium, and read what it shows. */
final class ReferencePage {

    /** What the page shows of one operation: its route, its heading and its whole text. */
    record RenderedOperation(String route, String heading, String text) {
    }

    /** Everything the page rendered, and every request it made that left the machine. */
    record Rendering(List<RenderedOperation> operations, List<String> externalRequests) {
    }

    /**
     * The one network request the page may make: Redoc 3 always loads the Redocly logo of its
     * "API docs by" footer from Redocly's CDN, as an image that hides itself when it fails to load.
     * Scripts, styles and fonts are all inlined (build-docs --inlineBundle).
     */
    static final Set<String> ALLOWED_EXTERNAL = Set.of(
            "https://cdn.redoc.ly/redoc/logo-mini.svg",
            "https://cdn.redoc.ly/redoc/logo-mini-full.svg");

    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "data", "blob", "about");

    private ReferencePage() {
    }

    /** Builds a page the way publishing/pom.xml does (used for pages made from altered contracts). */
    static Path build(Path contract, Path html) throws IOException, InterruptedException {
        Command.Result result = Command.of(Build.nodeBin().resolve("redocly").toString(), "build-docs",
                        contract.toString(),
                        "--config=" + Build.root().resolve("redocly.yaml"),
                        "--lint-config=error",
                        "--inlineBundle",
                        "--output=" + html)
                .run(html.resolveSibling(html.getFileName() + ".log"));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("redocly build-docs failed (" + result.exitCode() + "):\n" + result.output());
        }
        return html;
    }

    /**
     * Opens the page and reads every operation it renders; records requests that leave the machine.
     *
     * @param overview where to save a screenshot of the page as first shown (null: none)
     */
    static Rendering render(HeadlessChromium chromium, Path html, Path overview) throws IOException {
        List<String> external = new CopyOnWriteArrayList<>();
        chromium.onEvent(event -> {
            if ("Network.requestWillBeSent".equals(event.path("method").asText())) {
                String url = event.path("params").path("request").path("url").asText();
                if (!LOCAL_SCHEMES.contains(scheme(url))) {
                    external.add(url);
                }
            }
        });
        chromium.send("Network.enable", Map.of());
        chromium.navigate(html.toUri().toString());
        if (overview != null) {
            // Redoc hydrates the pre-rendered page after the load event: let it settle first.
            chromium.evaluate("new Promise(resolve => setTimeout(() => requestAnimationFrame(() => resolve(true)), 1000))");
            chromium.screenshot(overview);
        }
        JsonNode result = chromium.evaluate(script("reference-page/collect-operations.js"));
        List<RenderedOperation> operations = new ArrayList<>();
        for (JsonNode operation : result) {
            operations.add(new RenderedOperation(operation.path("route").asText(),
                    operation.path("heading").asText(null), operation.path("text").asText(null)));
        }
        return new Rendering(List.copyOf(operations), List.copyOf(external));
    }

    /** The contract's operations that the page does not show (heading, method and path, route). */
    static List<Operation> missing(List<Operation> contract, List<RenderedOperation> rendered) {
        return contract.stream()
                .filter(operation -> rendered.stream().noneMatch(shown -> shows(shown, operation)))
                .toList();
    }

    /** Rendered operations that match no operation of the contract. */
    static List<RenderedOperation> unexpected(List<Operation> contract, List<RenderedOperation> rendered) {
        return rendered.stream()
                .filter(shown -> contract.stream().noneMatch(operation -> shows(shown, operation)))
                .toList();
    }

    /**
     * Whether a rendered section is this operation: its route ends with the operation id (Redoc
     * lower-cases it), its heading is the summary, and its text shows the method and the path.
     */
    static boolean shows(RenderedOperation shown, Operation operation) {
        if (shown.heading() == null || shown.text() == null) {
            return false;
        }
        Pattern methodAndPath = Pattern.compile("(^|\\s)" + operation.method() + "\\s+"
                + Pattern.quote(operation.path()) + "(\\s|$)");
        return shown.route().endsWith("/" + operation.operationId().toLowerCase(Locale.ROOT))
                && shown.heading().equals(operation.summary())
                && methodAndPath.matcher(shown.text()).find();
    }

    /** Opens an operation's route (as a reader following a link would) and waits for it to render. */
    static void open(HeadlessChromium chromium, String route) {
        String sectionId = route.substring(1);
        chromium.evaluate("(async () => { location.hash = " + jsString(route) + ";"
                + " for (let i = 0; i < 200; i++) {"
                + "  const s = document.querySelector('[data-section-id=\"' + CSS.escape(" + jsString(sectionId) + ") + '\"] h2');"
                + "  if (s) { await new Promise(r => setTimeout(r, 300)); return true; }"
                + "  await new Promise(r => setTimeout(r, 25)); }"
                + " return false; })()");
    }

    private static String scheme(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = ReferencePage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
