package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * The contract's facts ({@link ContractFacts}) prepared at build time, so that a client's start
 * reads a few kilobytes instead of building the bundle's 180 KB tree (issue 17). The build of
 * this module writes it from the bundle it is built with ({@link PreparedContractWriter}); the
 * bundle stays the one source: the prepared form is only a reading of it.
 *
 * <p>It names the bundle it was prepared from by length and CRC-32. A client whose class path
 * holds another bundle (a {@code toast-compute-spec} of another version than this runtime's)
 * does not use it and reads the bundle itself, as before: a mismatch costs start-up time, never
 * a wrong answer.
 */
final class PreparedContract {
    /** Where the build puts the prepared form, next to this class. */
    static final String RESOURCE = "io/toastcloud/compute/contract/prepared-contract.json";

    private PreparedContract() {
    }

    /** The prepared form of a bundle: its fingerprint and its facts. */
    static ObjectNode of(byte[] bundle, JsonNode tree) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.putObject("bundle").put("bytes", bundle.length).put("crc32", crc32(bundle));
        out.set("facts", ContractFacts.of(tree).toJson());
        return out;
    }

    /** The prepared facts on the class path if they were prepared from exactly {@code bundle}; else null. */
    static ContractFacts matching(ClassLoader loader, byte[] bundle, ObjectMapper mapper) throws IOException {
        JsonNode prepared;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            prepared = mapper.readTree(in);
        }
        JsonNode fingerprint = prepared.path("bundle");
        if (fingerprint.path("bytes").asLong(-1) != bundle.length || fingerprint.path("crc32").asLong(-1) != crc32(bundle)) {
            return null;
        }
        return ContractFacts.fromJson(prepared.path("facts"));
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }
}
