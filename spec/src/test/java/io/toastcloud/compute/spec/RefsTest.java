package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** (e) The bundle is self-contained: every $ref (and discriminator mapping) is local and resolves. */
class RefsTest {

  @Test
  void everyReferenceOfTheBundleIsLocalAndResolves() {
    assertEquals(List.of(), Refs.problems(Contract.readTree(Contract.bundleYaml())));
    assertEquals(List.of(), Refs.problems(Contract.readTree(Contract.bundleJson())));
  }

  @Test
  void theGoodFixtureIsSelfContained() {
    assertEquals(List.of(), Refs.problems(Contract.readTree(Contract.testResource("fixtures/good-bundle.yaml"))));
  }

  /** The check can fail: the fixture has an external, a dangling and a bad mapping reference. */
  @Test
  void brokenReferencesAreReported() {
    List<String> problems = Refs.problems(Contract.readTree(Contract.testResource("fixtures/broken-refs.yaml")));
    assertEquals(List.of(
            "#/components/schemas/TokenResponse/properties/token: reference leaves the bundle: components/schemas/Token.yaml",
            "#/components/schemas/HeaderOnlyResponse/properties/header: reference points at nothing: #/components/schemas/Nope",
            "#/components/schemas/InstanceActionRequest/discriminator/mapping/reboot: reference points at nothing: #/components/schemas/RebootActon"),
        problems);
  }
}
