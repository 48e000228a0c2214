package io.toastcloud.compute.emulator.state;

import java.io.IOException;

/** Where an appkey's changes go before they are answered: nowhere, or a {@link JournalStore}. */
public interface Persistence extends AutoCloseable {
    /** State in memory only. */
    Persistence NONE = new Persistence() {
        @Override
        public void save(TenantState state) {
        }

        @Override
        public void reset(String appkey) {
        }

    };

    /**
     * Makes durable what a write changed: the records {@link Records} noted as handed out (all of
     * them for an appkey new to the store). Returns once the change would survive a crash.
     */
    void save(TenantState state) throws IOException;

    /** Forgets everything saved for the appkey. */
    void reset(String appkey) throws IOException;

    /** Rewrites the saved state without what was reset or replaced (the store may also do it by itself). */
    default void compact() throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
