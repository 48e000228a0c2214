package io.toastcloud.compute.reliability.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.testsupport.CountingService;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Secrets;
import io.toastcloud.compute.reliability.support.TcpConnections;
import io.toastcloud.compute.reliability.support.Workload;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue case 5: 10,000 calls across 32 threads through one client with the default transport,
 * against a local stub: no error, no leaked connection (the kernel's table of ESTABLISHED
 * connections to the stub stays within the pool's size while running and is empty once the
 * client is closed), and no growth of the heap beyond a fixed bound. Throughput is reported for
 * information only; speed is measured by the benchmarks, not asserted here.
 */
class LoadTest {
    private static final String SUITE = "load";
    private static final int CALLS = 10_000;
    private static final int THREADS = 32;
    private static final int WARM_UP = 300;
    /** Apache HttpClient 5 pool size set by the client (Transports.MAX_CONNECTIONS). */
    private static final int POOL_SIZE = 64;
    private static final long HEAP_GROWTH_BOUND = 16L * 1024 * 1024;

    @Test
    void tenThousandCallsOn32ThreadsWithoutErrorLeakOrGrowth() throws Exception {
        ManualClock clock = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
        // CountingService, not the emulator: a constant answer costs nothing, so the figures are the
        // client's (connections, heap, threads), not the emulator's state and validation.
        try (CountingService service = new CountingService(clock, Duration.ofHours(1), 48, Secrets.TOKEN_ID)) {
            ToastComputeClient client = ToastComputeClient.builder() // the default transport
                    .appkey(Secrets.APPKEY).credentials(Secrets.USER, Secrets.PASSWORD)
                    .endpoint(service.endpoint()).clock(clock).build();
            for (int i = 0; i < WARM_UP; i++) {
                Workload.call(client, i);
            }
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger mostConnections = new AtomicInteger();
            Thread monitor = new Thread(() -> {
                while (running.get()) {
                    mostConnections.accumulateAndGet(TcpConnections.establishedTo(service.port()), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "connection-monitor");
            monitor.start();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger next = new AtomicInteger();
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < CALLS; i = next.getAndIncrement()) {
                        try {
                            Workload.call(client, i);
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (Future<?> f : workers) {
                    f.get();
                }
            });
            long elapsedNanos = System.nanoTime() - start;
            pool.shutdown();
            running.set(false);
            monitor.join();
            int idleAfterRun = TcpConnections.establishedTo(service.port());
            long heapAfter = usedHeapAfterGc();

            assertTrue(errors.isEmpty(), () -> errors.size() + " calls failed, first: " + errors.get(0));
            assertEquals(CALLS + WARM_UP, service.answered(), "every call reached the stub and was answered");
            assertEquals(1, service.tokenRequests(), "one token for the whole run");
            assertTrue(mostConnections.get() > 0, "the monitor saw the client's connections");
            assertTrue(mostConnections.get() <= POOL_SIZE, "at most the pool's size open: " + mostConnections.get());
            assertTrue(idleAfterRun <= POOL_SIZE, "idle connections kept by the pool: " + idleAfterRun);
            long growth = heapAfter - heapBefore;
            assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + growth / 1024 + " KiB over " + CALLS + " calls");

            client.close();
            int afterClose = awaitConnections(service.port(), 0, Duration.ofSeconds(5));
            assertEquals(0, afterClose, "close() released every connection");
            int threadsAfterClose = awaitThreads(threadsBefore, Duration.ofSeconds(5));
            assertTrue(threadsAfterClose <= threadsBefore, "threads left behind: " + threadsBefore + " before, "
                    + threadsAfterClose + " after close");

            double seconds = elapsedNanos / 1e9;
            Report.line(SUITE, CALLS + " calls (listFlavors, listInstances, createVolume in turn) on " + THREADS
                    + " threads, default transport: 0 errors, 1 token request; ESTABLISHED connections to the stub: at most "
                    + mostConnections.get() + " while running (pool " + POOL_SIZE + "), " + idleAfterRun
                    + " idle after, " + afterClose + " after close(); used heap after GC " + heapBefore / 1024 + " KiB before, "
                    + heapAfter / 1024 + " KiB after (" + (growth >= 0 ? "+" : "") + growth / 1024 + " KiB, bound "
                    + HEAP_GROWTH_BOUND / 1024 / 1024 + " MiB); JVM threads " + threadsBefore + " before, "
                    + threadsAfterClose + " after close; " + String.format("%.1f s, about %.0f calls/s (information only)",
                            seconds, CALLS / seconds));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static int awaitConnections(int port, int target, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int now = TcpConnections.establishedTo(port);
        while (now > target && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = TcpConnections.establishedTo(port);
        }
        return now;
    }

    /** JVM threads once the closed client's threads are gone (or after the patience runs out). */
    private static int awaitThreads(int target, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int now = ManagementFactory.getThreadMXBean().getThreadCount();
        while (now > target && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            now = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        return now;
    }
}
