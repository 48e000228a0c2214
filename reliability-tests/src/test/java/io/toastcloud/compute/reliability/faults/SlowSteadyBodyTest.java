package io.toastcloud.compute.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.testsupport.RawHttpServer;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What "read timeout" means, pinned down: the longest silence while reading, as in every HTTP
 * client, not a limit on the whole answer. A body that keeps arriving, slower in total than the
 * read timeout but never silent for that long, is read to its end; it is not a fault. (The
 * JDK_HTTP_CLIENT transport's body guard must not mistake it for one.)
 */
class SlowSteadyBodyTest {
    private static final long PAUSE_MILLIS = 100;

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"APACHE_HC5", "JDK_HTTP_CLIENT"})
    void aBodySlowerInTotalThanTheReadTimeoutButNeverSilentThatLongIsRead(Transport transport) throws Exception {
        ManualClock clock = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
        byte[] body = Envelopes.flavors().getBytes(StandardCharsets.UTF_8);
        int chunk = body.length / 8 + 1;
        // The raw socket server, not the emulator: only it trickles a body in on purpose.
        try (RawHttpServer server = new RawHttpServer(r -> r.path().endsWith("/tokens")
                ? RawHttpServer.json(Envelopes.token(Secrets.TOKEN_ID, clock.instant().plus(Duration.ofHours(1))))
                : new RawHttpServer.Dribble(body, chunk, PAUSE_MILLIS));
                ToastComputeClient client = Clients.builder(server.endpoint(), transport, clock, new RecordingSleeper())
                        .readTimeout(Clients.SHORT_READ_TIMEOUT).build()) {
            long start = System.nanoTime();
            int flavors = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> client.api(FlavorApi.class).listFlavors().getFlavors().size());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(2, flavors);
            assertTrue(millis > Clients.SHORT_READ_TIMEOUT.toMillis(), "the answer took longer than the read timeout: " + millis);
            Report.line("read-faults", "slow steady body on " + transport + ": read in " + millis + " ms with a "
                    + Clients.SHORT_READ_TIMEOUT.toMillis() + " ms read timeout (a silence limit, not a total limit)");
        }
    }
}
