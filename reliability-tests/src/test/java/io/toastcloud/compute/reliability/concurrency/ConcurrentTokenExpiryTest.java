package io.toastcloud.compute.reliability.concurrency;

import io.toastcloud.compute.reliability.support.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.testsupport.CountingService;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue case 3: 32 threads share one client while its token expires several times, by the
 * client's clock and by the service's word (50401). Every call succeeds, and each expiry costs
 * exactly one token request, however many threads notice it at once.
 */
class ConcurrentTokenExpiryTest {
    private static final String SUITE = "concurrency";
    private static final int THREADS = 32;
    private static final int EXPIRIES = 4;
    private static final int CALLS_PER_THREAD_PER_PHASE = 25;
    /** An hour-long token renewed 5 minutes ahead: advancing 56 minutes makes it due. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Duration PAST_RENEWAL = Duration.ofMinutes(56);
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
    // CountingService, not the emulator: it revokes a token on demand (no fault rule does) and
    // numbers its tokens, so the test counts renewals per expiry under 32 threads.
    private CountingService service;
    private ToastComputeClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        service = new CountingService(clock, TOKEN_LIFETIME, THREADS, Secrets.TOKEN_ID);
        // A slow token endpoint keeps the renewal window open while the other threads pile up.
        service.issueDelay(Duration.ofMillis(50));
        client = Clients.builder(service.endpoint(), Transport.APACHE_HC5, clock, new RecordingSleeper()).build();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        client.close();
        service.close();
    }

    @Test
    void clockExpiryBetweenPhases() throws Exception {
        runInPhases(clock::advance);
        finish("client clock passes expiry between phases (barrier)", false);
    }

    @Test
    void serviceRevocationBetweenPhases() throws Exception {
        runInPhases(d -> service.revokeCurrent());
        finish("service answers 50401 for the token after each phase (barrier)", true);
    }

    @Test
    void clockExpiryWhileCallsAreInFlight() throws Exception {
        runWithExpiriesInFlight(() -> clock.advance(PAST_RENEWAL));
        finish("client clock passes expiry while 32 threads are calling", false);
    }

    @Test
    void serviceRevocationWhileCallsAreInFlight() throws Exception {
        runWithExpiriesInFlight(service::revokeCurrent);
        finish("service answers 50401 for the token while 32 threads are calling", true);
    }

    private interface Expiry {
        void expire(Duration by);
    }

    /** THREADS threads make calls in EXPIRIES + 1 phases; between phases, with every thread waiting, the token expires. */
    private void runInPhases(Expiry expiry) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(THREADS, () -> expiry.expire(PAST_RENEWAL));
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                for (int phase = 0; phase <= EXPIRIES; phase++) {
                    for (int i = 0; i < CALLS_PER_THREAD_PER_PHASE; i++) {
                        Workload.call(client, thread + i);
                    }
                    if (phase < EXPIRIES) {
                        barrier.await();
                    }
                }
                return null;
            }));
        }
        assertTimeoutPreemptively(BOUND, () -> {
            for (Future<?> f : threads) {
                f.get(); // rethrows the first failed call
            }
        });
        assertEquals((long) THREADS * CALLS_PER_THREAD_PER_PHASE * (EXPIRIES + 1), service.answered(), "every call succeeded");
    }

    /**
     * THREADS threads call without pause; a controller makes the token expire EXPIRIES times while
     * they run, each time once the previous expiry has been dealt with (a new token issued and every
     * thread past a call made with it), then lets them all finish.
     */
    private void runWithExpiriesInFlight(Runnable expire) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray done = new AtomicLongArray(THREADS);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Workload.call(client, thread + i);
                        done.incrementAndGet(thread);
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        assertTimeoutPreemptively(BOUND, () -> {
            waitUntil(() -> service.tokenRequests() == 1 || !failures.isEmpty());
            long[] started = snapshot(done);
            waitUntil(() -> everyThreadPast(done, started, 2) || !failures.isEmpty());
            for (int k = 1; k <= EXPIRIES; k++) {
                expire.run();
                int expected = 1 + k;
                waitUntil(() -> service.tokenRequests() >= expected || !failures.isEmpty());
                long[] after = snapshot(done);
                waitUntil(() -> everyThreadPast(done, after, 2) || !failures.isEmpty());
            }
            stop.set(true);
            for (Future<?> f : threads) {
                f.get();
            }
        });
        assertTrue(failures.isEmpty(), () -> "calls failed: " + failures);
    }

    private void finish(String variant, boolean serviceSide) {
        assertEquals(1 + EXPIRIES, service.tokenRequests(), "one token request at first use, then exactly one per expiry");
        if (serviceSide) {
            assertTrue(service.refused() >= EXPIRIES && service.refused() <= (long) THREADS * EXPIRIES,
                    "each revocation was noticed, and by each thread at most once: " + service.refused());
        } else {
            assertEquals(0, service.refused(), "renewed ahead by the clock: an expired token is never sent");
        }
        Report.line(SUITE, variant + ": " + THREADS + " threads, " + service.answered() + " calls, all succeeded; "
                + EXPIRIES + " expiries, " + service.tokenRequests() + " token requests (1 + " + EXPIRIES + "), "
                + service.refused() + " calls answered 50401 and sent again");
    }

    private static long[] snapshot(AtomicLongArray counters) {
        long[] copy = new long[counters.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counters.get(i);
        }
        return copy;
    }

    private static boolean everyThreadPast(AtomicLongArray counters, long[] from, int calls) {
        for (int i = 0; i < from.length; i++) {
            if (counters.get(i) < from[i] + calls) {
                return false;
            }
        }
        return true;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }
}
