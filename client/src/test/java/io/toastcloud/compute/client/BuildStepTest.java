package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A build step's result is taken as if it had run in place, and a failed build releases what the step made. */
class BuildStepTest {
    @Test
    void theStepsResultAndFailureAreTheBuildsOwn() {
        assertEquals("made", BuildStep.start("test-step", () -> "made").result());
        IllegalArgumentException thrown = new IllegalArgumentException("no such proxy");
        assertSame(thrown, assertThrows(IllegalArgumentException.class,
                () -> BuildStep.start("test-step", () -> { throw thrown; }).result()));
    }

    /** The transport made on the step's thread while the build failed elsewhere is closed, once the step is done. */
    @Test
    void aFailedBuildClosesWhatTheStepMadeEvenIfTheStepFinishesLater() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        BuildStep<Closeable> step = BuildStep.start("test-step", () -> {
            release.await();
            return () -> closed.set(true);
        });
        IllegalStateException failed = new IllegalStateException("the contract cannot be read");
        new Thread(release::countDown).start();
        step.releaseAfter(failed, made -> made);
        assertTrue(closed.get());
        assertArrayEquals(new Throwable[0], failed.getSuppressed());
    }

    @Test
    void aFailureToCloseIsKeptBesideTheBuildsFailure() {
        IOException closing = new IOException("cannot close");
        BuildStep<Closeable> step = BuildStep.start("test-step", () -> () -> { throw closing; });
        IllegalStateException failed = new IllegalStateException("refused");
        step.releaseAfter(failed, made -> made);
        assertArrayEquals(new Throwable[] {closing}, failed.getSuppressed());
    }

    /** When the step's own failure is what ends the build, it is thrown once and not suppressed by itself. */
    @Test
    void theStepsOwnFailureIsNotAddedToItself() {
        IllegalArgumentException own = new IllegalArgumentException("no such proxy");
        BuildStep<Closeable> step = BuildStep.start("test-step", () -> { throw own; });
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class, step::result);
        step.releaseAfter(failed, made -> made);
        assertArrayEquals(new Throwable[0], failed.getSuppressed());
    }

    /** Once taken, what the step made is its taker's to close: a later failure of the build does not close it a second time. */
    @Test
    void whatWasTakenIsLeftToItsTaker() {
        AtomicBoolean closed = new AtomicBoolean();
        BuildStep<Closeable> step = BuildStep.start("test-step", () -> () -> closed.set(true));
        step.take();
        step.releaseAfter(new IllegalStateException("refused"), made -> made);
        assertFalse(closed.get());
    }
}
