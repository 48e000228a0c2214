package io.toastcloud.compute.client.http;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.toastcloud.compute.client.error.HttpStatusException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * Non-200 answers. The service itself always answers 200, so these come from something in front
 * of it (a gateway's 502/503 HTML page, a proxy) or from a mock such as Prism (422 with a list of
 * request violations). They become {@link HttpStatusException}s with a short, redacted excerpt of
 * the body; 502, 503 and 504 become {@link ServiceUnavailableException} with any {@code Retry-After}.
 */
public final class HttpErrorDecoder implements ErrorDecoder {
    private static final int EXCERPT_BYTES = 2048;

    private final Redactor redactor;

    public HttpErrorDecoder(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String operation = Operations.of(response);
        String excerpt = redactor.redactText(operation, excerpt(response));
        int status = response.status();
        if (status == 502 || status == 503 || status == 504) {
            return new ServiceUnavailableException(operation, status, excerpt, retryAfter(response));
        }
        return new HttpStatusException(operation, status, excerpt);
    }

    private static String excerpt(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(EXCERPT_BYTES);
            return new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        } catch (IOException e) {
            return "(body unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    static Duration retryAfter(Response response) {
        Collection<String> values = response.headers().get("Retry-After");
        if (values == null) {
            values = response.headers().get("retry-after");
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.iterator().next().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
