package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * (c) The contract has exactly the 31 operations of the 2017 guide plus the one its later
 * revisions add (image delete, Compute-Image guide): 32 (DECISIONS.md D45).
 */
class OperationsTest {
  private static final String A = "/v1.0/appkeys/{appkey}";

  /** The guide's operations (server https://api-compute.cloud.toast.com/compute). */
  static final Set<String> GUIDE = new TreeSet<>(List.of(
      "POST " + A + "/tokens",
      "GET " + A + "/tokens",
      "GET " + A + "/availability-zones",
      "GET " + A + "/instances",
      "POST " + A + "/instances",
      "DELETE " + A + "/instances",
      "GET " + A + "/instances-detail",
      "POST " + A + "/instances/{instanceId}/attachments",
      "DELETE " + A + "/instances/{instanceId}/attachments",
      "POST " + A + "/instances/{instanceId}/action",
      "GET " + A + "/flavors",
      "GET " + A + "/keypairs",
      "POST " + A + "/keypairs",
      "DELETE " + A + "/keypairs",
      "GET " + A + "/images",
      "GET " + A + "/volumes",
      "POST " + A + "/volumes",
      "DELETE " + A + "/volumes",
      "GET " + A + "/security-groups",
      "POST " + A + "/security-groups",
      "DELETE " + A + "/security-groups",
      "PUT " + A + "/security-groups/{securityGroupId}",
      "GET " + A + "/security-group-rules",
      "POST " + A + "/security-group-rules",
      "DELETE " + A + "/security-group-rules",
      "GET " + A + "/networks",
      "GET " + A + "/subnets",
      "GET " + A + "/floating-ip-pools",
      "GET " + A + "/floating-ips",
      "POST " + A + "/floating-ips",
      "DELETE " + A + "/floating-ips"));

  /** Operations the later per-product revisions add (../shared/reference/). */
  static final Set<String> LATER_REVISIONS = new TreeSet<>(List.of(
      "DELETE " + A + "/images"));

  static Set<String> documented() {
    Set<String> all = new TreeSet<>(GUIDE);
    all.addAll(LATER_REVISIONS);
    return all;
  }

  @Test
  void theGuideTableHas31Operations() {
    assertEquals(31, GUIDE.size());
  }

  @Test
  void theContractHasExactlyTheDocumented32Operations() {
    Set<String> actual = Operations.of(Contract.readTree(Contract.bundleYaml()));
    assertEquals(32, documented().size());
    assertEquals(List.of(), Operations.differences(documented(), actual));
  }

  /** The guide's endpoint first (the clients' default), then the later revisions' NHN Cloud host. */
  @Test
  void theServersAreTheGuidesEndpointThenTheNhnCloudHost() {
    var servers = Contract.readTree(Contract.bundleYaml()).path("servers");
    assertEquals(2, servers.size(), "servers");
    assertEquals("https://api-compute.cloud.toast.com/compute", servers.get(0).path("url").asText());
    assertEquals("https://api-compute.nhncloudservice.com/compute", servers.get(1).path("url").asText());
  }

  /** The comparison can fail: the fixture has 3 of the 31 operations. */
  @Test
  void aMissingOperationIsReported() {
    Set<String> fixture = Operations.of(Contract.readTree(Contract.testResource("fixtures/good-bundle.yaml")));
    List<String> diff = Operations.differences(GUIDE, fixture);
    assertEquals(28, diff.size(), String.join("\n", diff));
    assertEquals(true, diff.contains("missing from the contract: GET " + A + "/flavors"), String.join("\n", diff));
    fixture.add("PATCH " + A + "/flavors");
    assertEquals(true, Operations.differences(GUIDE, fixture).contains("not in the guide: PATCH " + A + "/flavors"));
  }
}
