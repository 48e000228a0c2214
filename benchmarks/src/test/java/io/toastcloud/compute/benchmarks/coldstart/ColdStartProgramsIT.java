package io.toastcloud.compute.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Every cold-start program run once the way {@link ColdStart} runs it: in a fresh JVM, on the
 * class path of {@code target/cold-start/*.classpath} and the module's jar, against the canned
 * server. {@link ColdStartProgramsTest} runs the same programs inside the test JVM, whose class
 * path holds everything; this one fails when a class-path file lacks a jar a program needs (the
 * baseline's lacked {@code contract-runtime} once the generated models read timestamps through
 * it). {@code ColdStart} throws when a child exits non-zero. No timing is asserted.
 */
class ColdStartProgramsIT {

    @Test
    void everyProgramMakesItsFirstCallInAFreshJvm() throws Exception {
        Path target = Path.of(System.getProperty("benchmarks.target", "target"));
        Path out = target.resolve("cold-start-smoke");
        ColdStart.main(new String[] {
            "--runs=1",
            "--contenders=BASELINE_JDK_URL_CONNECTION,BASELINE_JDK_HTTP_CLIENT,LAYER_HC5,LAYER_FEIGN_HC5,"
                    + "CLIENT_DEFAULT,CLIENT_OKHTTP,CLIENT_JDK_URL_CONNECTION,CLIENT_JDK_HTTP_CLIENT",
            "--classpath-dir=" + target.resolve("cold-start"),
            "--out=" + out,
        });
        assertTrue(Files.exists(out.resolve("cold-start.md")), "ColdStart wrote no report in " + out);
    }
}
