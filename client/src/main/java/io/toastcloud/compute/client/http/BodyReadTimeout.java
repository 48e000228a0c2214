package io.toastcloud.compute.client.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Holds every read of an answer's body to the read timeout, for a transport that does not:
 * java.net.http's request timeout covers the wait for the status line and headers only, so a
 * server that stops sending in the middle of a body would hold the call (and its thread) for as
 * long as it likes. Here a read that makes no progress within the read timeout closes the body
 * and fails with an {@link HttpTimeoutException}, as a socket read timeout does on the other
 * transports.
 */
final class BodyReadTimeout implements Client {
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Client delegate;

    BodyReadTimeout(Client delegate) {
        this.delegate = delegate;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "toast-body-read-timeout");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = delegate.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        long timeoutMillis = options.readTimeoutUnit().toMillis(options.readTimeout());
        return response.toBuilder()
                .body(new GuardedBody(response.body().asInputStream(), timeoutMillis), response.body().length())
                .build();
    }

    /** A body whose every read is watched; the watchdog closes it when a read takes too long. */
    private static final class GuardedBody extends FilterInputStream {
        private final long timeoutMillis;
        private volatile boolean expired;

        GuardedBody(InputStream in, long timeoutMillis) {
            super(in);
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public int read() throws IOException {
            ScheduledFuture<?> alarm = arm();
            try {
                return checked(super.read());
            } catch (IOException e) {
                throw expired ? timeout(e) : e;
            } finally {
                alarm.cancel(false);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ScheduledFuture<?> alarm = arm();
            try {
                return checked(super.read(b, off, len));
            } catch (IOException e) {
                throw expired ? timeout(e) : e;
            } finally {
                alarm.cancel(false);
            }
        }

        private ScheduledFuture<?> arm() {
            return WATCHDOG.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        private void expire() {
            expired = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // the read that was waiting fails either way
            }
        }

        /** A stream closed by the watchdog may also just end; that end is the timeout, not the body's end. */
        private int checked(int result) throws IOException {
            if (expired) {
                throw timeout(null);
            }
            return result;
        }

        private IOException timeout(IOException cause) {
            HttpTimeoutException timeout = new HttpTimeoutException("no part of the body arrived within the read timeout ("
                    + timeoutMillis + " ms)");
            if (cause != null) {
                timeout.initCause(cause);
            }
            return timeout;
        }
    }
}
