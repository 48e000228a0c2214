package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.annotation.InternalApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link PreparedContract} from the bundle on the class path; run by this module's build
 * ({@code process-classes}, exec-maven-plugin) with the output file as its one argument.
 */
@InternalApi
public final class PreparedContractWriter {
    private PreparedContractWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PreparedContractWriter OUTPUT_FILE");
        }
        byte[] bundle = Contract.readBundle(PreparedContractWriter.class.getClassLoader());
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(PreparedContract.of(bundle, mapper.readTree(bundle))) + "\n";
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
    }
}
