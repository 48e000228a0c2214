package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.client.waiter.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the retry delays the client asks for instead of sleeping them, so that a suite with
 * hundreds of retried faults stays fast while the delays themselves can still be checked.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    public void clear() {
        sleeps.clear();
    }
}
