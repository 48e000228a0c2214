package io.toastcloud.compute.client.waiter;

import java.time.Duration;

/** Waits; replaced in tests so that waiters and retries run without real delays. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
