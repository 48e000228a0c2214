package io.toastcloud.compute.reliability.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastTimeoutException;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.RawHttpServer;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A fault the service (or whatever stands in front of it) can inflict on one call, what the
 * client must throw for it, and whether that fault is transient (a read is retried) or says
 * something about the answer itself (not retried). A fault is made by the emulator's fault rules
 * when they can make it (a gateway's 502/503, Retry-After, latency, a dropped connection);
 * otherwise by WireMock (a 500, bodies that are not the envelope, a reset, its socket faults) or
 * by the raw socket server (a body cut short by a close or a reset, a stall inside a body).
 */
enum ReadFault {
    // WireMock: the emulator's gateway errors are 502 and 503 only.
    HTTP_500("HTTP 500 with a text body", ServiceUnavailableException.class, true, "HTTP 500",
            () -> aResponse().withStatus(500).withBody("Internal Server Error")),
    HTTP_502_HTML("HTTP 502 with a gateway's HTML page", ServiceUnavailableException.class, true, "502 Bad Gateway",
            (Emulated) op -> FaultRule.on(op).gatewayError(502)),
    HTTP_503_HTML("HTTP 503 with an HTML page", ServiceUnavailableException.class, true, "Service Temporarily Unavailable",
            (Emulated) op -> FaultRule.on(op).gatewayError(503)),
    HTTP_503_RETRY_AFTER("HTTP 503 with Retry-After: 1", ServiceUnavailableException.class, true, "HTTP 503",
            (Emulated) op -> FaultRule.on(op).gatewayError(503, Duration.ofSeconds(1))),
    // WireMock from here to GARBAGE_THEN_CLOSE: every answer of the emulator is a valid envelope.
    MALFORMED_JSON("200 with malformed JSON", MalformedResponseException.class, false, "not the JSON envelope",
            () -> WireMockService.json("{\"header\":{\"isSuccessful\":true,\"resultCode\":0,}")),
    EMPTY_BODY("200 with an empty body", MalformedResponseException.class, false, "empty",
            () -> WireMockService.json("")),
    BODY_WITHOUT_HEADER("200 with a body without header", MalformedResponseException.class, false, "header",
            () -> WireMockService.json("{\"flavors\":[]}")),
    SLOWER_THAN_READ_TIMEOUT("an answer slower than the read timeout", ToastTimeoutException.class, true, "timed out",
            (Emulated) op -> FaultRule.on(op).latency(Clients.SHORT_READ_TIMEOUT.multipliedBy(3))),
    // WireMock: the emulator drops a connection by closing it (FIN), never by a reset (RST).
    RESET_BEFORE_ANSWER("connection reset before any answer", ToastConnectionException.class, true, "reset",
            () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    CLOSED_WITHOUT_ANSWER("connection closed without any answer", ToastConnectionException.class, true, "",
            (Emulated) op -> FaultRule.on(op).dropConnection()),
    GARBAGE_THEN_CLOSE("random bytes instead of HTTP, then close", ToastConnectionException.class, true, "",
            () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
    MALFORMED_CHUNK("a malformed chunk in a chunked body", ToastConnectionException.class, true, "",
            () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
    // The raw socket server: no server library (the emulator's JDK HttpServer included) cuts a
    // body short, resets in the middle of one or stalls inside one on purpose.
    TRUNCATED_BODY("body shorter than its Content-Length, then close", ToastConnectionException.class, true, "",
            RawHttpServer.truncated(Envelopes.flavors(), 40)),
    RESET_MID_BODY("connection reset in the middle of the body", ToastConnectionException.class, true, "reset",
            RawHttpServer.resetMidBody(Envelopes.flavors(), 40)),
    STALL_MID_BODY("half a body, then silence longer than the read timeout", ToastTimeoutException.class, true, "timed out",
            RawHttpServer.stallMidBody(Envelopes.flavors(), 40, 30_000)),
    CONNECTION_REFUSED("connection refused (nothing listens)", ToastConnectionException.class, true, "", (RawHttpServer.Reply) null),
    CONNECT_TIMEOUT("connecting never completes (a full accept queue)", ToastTimeoutException.class, true, "timed out",
            (RawHttpServer.Reply) null);

    final String description;
    final Class<? extends ToastComputeException> expected;
    final boolean transientFault;
    final String messageFragment;
    final Supplier<ResponseDefinitionBuilder> wireMock;
    final RawHttpServer.Reply raw;
    final Emulated emulated;

    /** A fault the emulator's fault rules make: the rule for calls of {@code operationId}. */
    @FunctionalInterface
    interface Emulated {
        FaultRule.Builder rule(String operationId);
    }

    ReadFault(String description, Class<? extends ToastComputeException> expected, boolean transientFault,
            String messageFragment, Supplier<ResponseDefinitionBuilder> wireMock) {
        this.description = description;
        this.expected = expected;
        this.transientFault = transientFault;
        this.messageFragment = messageFragment;
        this.wireMock = wireMock;
        this.raw = null;
        this.emulated = null;
    }

    ReadFault(String description, Class<? extends ToastComputeException> expected, boolean transientFault,
            String messageFragment, RawHttpServer.Reply raw) {
        this.description = description;
        this.expected = expected;
        this.transientFault = transientFault;
        this.messageFragment = messageFragment;
        this.wireMock = null;
        this.raw = raw;
        this.emulated = null;
    }

    ReadFault(String description, Class<? extends ToastComputeException> expected, boolean transientFault,
            String messageFragment, Emulated emulated) {
        this.description = description;
        this.expected = expected;
        this.transientFault = transientFault;
        this.messageFragment = messageFragment;
        this.wireMock = null;
        this.raw = null;
        this.emulated = emulated;
    }

    /**
     * What the client throws on this transport. HttpURLConnection ends a body shorter than its
     * Content-Length silently (no I/O error), so the client sees incomplete JSON instead.
     */
    Class<? extends ToastComputeException> expectedOn(Transport transport) {
        return this == TRUNCATED_BODY && transport == Transport.JDK_URL_CONNECTION ? MalformedResponseException.class : expected;
    }

    /** The faults that are waited out: the client gets the short read timeout for them. */
    boolean aboutTimeouts() {
        return this == SLOWER_THAN_READ_TIMEOUT || this == STALL_MID_BODY;
    }

    /** The faults met before any request is written: the token request is the one that fails. */
    boolean beforeAnyRequest() {
        return this == CONNECTION_REFUSED || this == CONNECT_TIMEOUT;
    }

    boolean transientOn(Transport transport) {
        return this == TRUNCATED_BODY && transport == Transport.JDK_URL_CONNECTION ? false : transientFault;
    }
}
