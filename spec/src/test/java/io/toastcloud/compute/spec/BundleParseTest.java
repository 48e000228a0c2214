package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** (a) Swagger Parser reads both bundles without a single message, as OpenAPI 3.0.3. */
class BundleParseTest {

  static SwaggerParseResult parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "json"})
  void bundleParsesWithoutMessages(String format) {
    Path file = format.equals("yaml") ? Contract.bundleYaml() : Contract.bundleJson();
    SwaggerParseResult result = parse(file);
    assertNotNull(result.getOpenAPI(), () -> "not parsed: " + result.getMessages());
    assertEquals(java.util.List.of(), result.getMessages(), "Swagger Parser messages for " + file);
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    assertEquals("3.0.3", Contract.readTree(file).path("openapi").asText(), "the document's openapi field");
  }

  @ParameterizedTest
  @ValueSource(strings = {Contract.CLASSPATH_YAML, Contract.CLASSPATH_JSON})
  void bundleIsOnTheClasspath(String resource) throws IOException {
    Path file = resource.endsWith(".yaml") ? Contract.bundleYaml() : Contract.bundleJson();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "classpath resource " + resource);
      assertEquals(Contract.read(file), new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "classpath copy of " + file.getFileName());
    }
  }

  @org.junit.jupiter.api.Test
  void parserReportsProblemsInABrokenDocument() {
    SwaggerParseResult result = parse(Contract.testResource("fixtures/broken-refs.yaml"));
    assertTrue(!result.getMessages().isEmpty(), "the parser must report the broken fixture's references");
  }
}
