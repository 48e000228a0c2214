package io.toastcloud.compute.client.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A transport whose JDK-internal loggers are held quiet. The JDK's own HTTP clients log through
 * java.util.logging (System.Logger) as soon as their loggers are at FINE, which an application
 * that routes JUL into SLF4J at TRACE (jul-to-slf4j with logback's LevelChangePropagator, as
 * Spring Boot does) switches on: HttpURLConnection then logs every header, {@code X-Auth-Token}
 * among them, and java.net.http logs every request URI, query string (getToken's token id)
 * included. Before each request these few loggers are put back at INFO, however the
 * application's configuration moved them since; nothing else of the application's logging is
 * touched. This client's own redacting logger is the place to see exchanges.
 */
final class QuietJdkLoggers implements Client {
    /** HttpURLConnection (Transport.JDK_URL_CONNECTION): headers at FINE. */
    static final List<String> URL_CONNECTION = List.of("sun.net.www.protocol.http.HttpURLConnection");
    /** java.net.http (Transport.JDK_HTTP_CLIENT and the secret-query route): URIs and headers at DEBUG. */
    static final List<String> HTTP_CLIENT = List.of("jdk.internal.httpclient.debug", "jdk.internal.httpclient.hpack.debug",
            "jdk.httpclient.HttpClient");

    private final Client delegate;
    /** Held strongly: java.util.logging keeps its loggers only weakly, and would forget the level. */
    private final List<Logger> loggers;

    QuietJdkLoggers(Client delegate, List<String> loggerNames) {
        this.delegate = delegate;
        this.loggers = loggerNames.stream().map(Logger::getLogger).toList();
        holdQuiet();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        holdQuiet();
        return delegate.execute(request, options);
    }

    private void holdQuiet() {
        for (Logger logger : loggers) {
            Level level = logger.getLevel();
            if (level == null || level.intValue() < Level.INFO.intValue()) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
