package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Component names are preserved exactly from spec/openapi.yaml to the bundle. */
class ComponentNamesTest {

  @Test
  void bundleKeepsTheComponentNamesOfTheRootDocument() {
    JsonNode root = Contract.readTree(Contract.specDir().resolve("openapi.yaml"));
    JsonNode bundle = Contract.readTree(Contract.bundleYaml());
    assertEquals(List.of(), ComponentNames.problems(root, Contract.specDir(), bundle));
  }

  /** The check can fail: a misnamed entry, an unlisted file, a renamed and a lost component. */
  @Test
  void namingProblemsAreReported(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("components/schemas"));
    Files.createDirectories(dir.resolve("components/examples/errors"));
    Files.writeString(dir.resolve("components/schemas/Instance.yaml"), "type: object\n");
    Files.writeString(dir.resolve("components/schemas/Forgotten.yaml"), "type: object\n");
    Files.writeString(dir.resolve("components/examples/errors/NotFound.yaml"), "value: {}\n");
    JsonNode root = Contract.YAML.readTree("""
        components:
          schemas:
            Server: {$ref: components/schemas/Instance.yaml}
          examples:
            NotFound: {$ref: components/examples/errors/NotFound.yaml}
        """);
    JsonNode bundle = Contract.YAML.readTree("""
        components:
          schemas:
            Instance: {type: object}
            Instance-2: {type: object}
        """);
    assertEquals(List.of(
            "components.schemas.Server refers to components/schemas/Instance.yaml: the file name must be the component name",
            "components/schemas/Forgotten.yaml is not listed under components.schemas in openapi.yaml",
            "bundle lacks components.schemas.Server",
            "bundle has components.schemas.Instance, which openapi.yaml does not list (a file-derived or renamed component)",
            "bundle has components.schemas.Instance-2, which openapi.yaml does not list (a file-derived or renamed component)",
            "bundle lacks components.examples.NotFound"),
        ComponentNames.problems(root, dir, bundle));
  }
}
