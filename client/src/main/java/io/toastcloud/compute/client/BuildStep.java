package io.toastcloud.compute.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * A step of building a client that runs on a short-lived thread of its own while the building
 * thread goes on, and whose result (or failure) the building thread takes before {@code build()}
 * returns: what {@code build()} does and throws stays the same, only the two steps' first-run
 * costs (class loading, mostly) overlap on a machine with more than one CPU.
 */
final class BuildStep<T> {
    private final FutureTask<T> task;
    /** Whether {@link #take()} has handed the result over: from then on, its taker closes it. */
    private volatile boolean taken;

    private BuildStep(FutureTask<T> task) {
        this.task = task;
    }

    static <T> BuildStep<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // never keeps an application alive, even if build() failed before taking it
        thread.start();
        return new BuildStep<>(task);
    }

    /** The step's result; its exception, as it was thrown, if it failed. Waits, whatever interrupts. */
    T result() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the step is short and build() must not return half done
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #result()}, handed over: whoever takes it closes it, and {@link #releaseAfter} leaves it alone. */
    T take() {
        T made = result();
        taken = true;
        return made;
    }

    /**
     * After {@code failed} ended a build before it took this step's result: waits for the step
     * and closes what it made, so that nothing it opened outlives the failed build. A failure of
     * the step itself or of closing is added to {@code failed} as suppressed, never thrown instead.
     */
    void releaseAfter(Throwable failed, Function<T, Closeable> closer) {
        if (taken) {
            return;
        }
        try {
            closer.apply(result()).close();
        } catch (IOException | RuntimeException | Error closing) {
            if (closing != failed) { // the step's own failure may be the one being thrown
                failed.addSuppressed(closing);
            }
        }
    }
}
