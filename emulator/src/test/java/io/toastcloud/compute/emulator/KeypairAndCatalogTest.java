package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Key pairs (generated or uploaded) and the read-only catalog every appkey sees. */
class KeypairAndCatalogTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    @Test
    void aGeneratedKeyPairReturnsItsPrivateKeyOnceAndTheListNever() {
        RawApi api = emulator.raw();
        JsonNode created = ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"my-key\"}}")).path("keypair");
        assertTrue(created.path("privateKey").asText().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(created.path("publicKey").asText().startsWith("ssh-rsa "));
        assertTrue(created.path("fingerprint").asText().matches("([0-9a-f]{2}:){15}[0-9a-f]{2}"));
        JsonNode one = ok(api.get("/keypairs?name=my-key")).at("/keypairs/0");
        assertFalse(one.has("privateKey"));
        assertTrue(one.has("createdAt"), "createdAt when looked up by name");
        assertEquals(created.path("fingerprint"), one.path("fingerprint"));
        JsonNode all = ok(api.get("/keypairs")).path("keypairs");
        assertEquals(1, all.size());
        assertFalse(all.get(0).has("createdAt"), "no createdAt in the list");
        fails(13409, api.post("/keypairs", "{\"keypair\":{\"name\":\"my-key\"}}"));
    }

    /** Later revisions (Compute-Image guide): limit/marker paging, and only own images deleted. */
    @Test
    void imagesPageAfterTheMarkerAndPublicImagesCannotBeDeleted() {
        RawApi api = emulator.raw();
        JsonNode all = ok(api.get("/images")).path("images");
        assertTrue(all.size() >= 3, "the catalog's public images");
        JsonNode first = ok(api.get("/images?limit=1")).path("images");
        assertEquals(1, first.size());
        assertEquals(all.get(0).path("id"), first.get(0).path("id"));
        JsonNode next = ok(api.get("/images?limit=2&marker=" + first.get(0).path("id").asText())).path("images");
        assertEquals(2, next.size());
        assertEquals(all.get(1).path("id"), next.get(0).path("id"), "the page starts after the marker");
        assertEquals(all.size() - 1, ok(api.get("/images?marker=" + all.get(0).path("id").asText())).path("images").size());
        fails(30404, api.get("/images?marker=no-such-image"));
        fails(-4, api.get("/images?limit=0"));
        fails(30403, api.delete("/images?id=" + all.get(0).path("id").asText()));
        fails(30404, api.delete("/images?id=no-such-image"));
        assertEquals(all.size(), ok(api.get("/images")).path("images").size(), "nothing deleted");
    }

    @Test
    void anUploadedKeyPairHasItsFingerprintAndNoPrivateKey() {
        RawApi api = emulator.raw();
        JsonNode created = ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"laptop\",\"publicKey\":\"" + SshKeysTest.ED25519
                + "\"}}")).path("keypair");
        assertEquals(SshKeysTest.ED25519_MD5, created.path("fingerprint").asText());
        assertFalse(created.has("privateKey"));
        ok(api.delete("/keypairs?name=laptop"));
        fails(13404, api.delete("/keypairs?name=laptop"));
        fails(13404, api.get("/keypairs?name=laptop"));
    }

    @Test
    void theCatalogHasTheContractExamplesAndWhatTheRulesNeed() {
        RawApi api = emulator.raw();
        JsonNode doc = Contract.bundled().document();
        JsonNode flavors = ok(api.get("/flavors")).path("flavors");
        boolean fixedDisk = false;
        boolean otherDisk = false;
        for (JsonNode f : flavors) {
            fixedDisk |= f.has("volumeSize");
            otherDisk |= !f.has("volumeSize");
        }
        assertTrue(fixedDisk && otherDisk, "flavors with and without volumeSize");
        for (JsonNode example : doc.at("/paths/~1v1.0~1appkeys~1{appkey}~1flavors/get/responses/200/content/application~1json"
                + "/examples/success/value/flavors")) {
            assertTrue(contains(flavors, example), "the contract's example flavor " + example.path("name"));
        }
        JsonNode images = ok(api.get("/images")).path("images");
        assertTrue(contains(images, doc.at("/paths/~1v1.0~1appkeys~1{appkey}~1images/get/responses/200/content/application~1json"
                + "/examples/success/value/images/0")));
        boolean windows = false;
        for (JsonNode i : images) {
            windows |= "windows".equals(i.at("/properties/os_type").asText());
        }
        assertTrue(windows, "a Windows image");
        JsonNode networks = ok(api.get("/networks")).path("networks");
        assertTrue(contains(networks, doc.at("/paths/~1v1.0~1appkeys~1{appkey}~1networks/get/responses/200/content/application~1json"
                + "/examples/success/value/networks/0")));
        assertEquals(networks.at("/0/id"), ok(api.get("/networks?id=" + networks.at("/0/id").asText())).at("/networks/0/id"));
        fails(20004, api.get("/networks?id=nope"));
        assertTrue(contains(ok(api.get("/subnets")).path("subnets"), doc.at(
                "/paths/~1v1.0~1appkeys~1{appkey}~1subnets/get/responses/200/content/application~1json/examples/success/value/subnets/0")));
        assertEquals(doc.at("/paths/~1v1.0~1appkeys~1{appkey}~1floating-ip-pools/get/responses/200/content/application~1json"
                + "/examples/success/value/pools"), ok(api.get("/floating-ip-pools")).path("pools"));
        assertEquals(doc.at("/paths/~1v1.0~1appkeys~1{appkey}~1availability-zones/get/responses/200/content/application~1json"
                + "/examples/success/value/zones"), ok(api.get("/availability-zones")).path("zones"));
    }

    private static boolean contains(JsonNode list, JsonNode wanted) {
        for (JsonNode item : list) {
            if (item.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
