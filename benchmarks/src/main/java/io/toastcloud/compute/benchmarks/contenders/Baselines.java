package io.toastcloud.compute.benchmarks.contenders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.model.ResponseHeader;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.TokenResponse;
import java.io.IOException;
import java.io.InputStream;

/** What the hand-written baselines share: the mapper settings of the client, and the envelope check. */
final class Baselines {
    static final String TOKEN_HEADER = "X-Auth-Token";
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 60_000;

    private Baselines() {
    }

    /**
     * Same settings as the client's mapper (unset fields not sent, unknown fields read past), except
     * that Jackson leaves the stream open: {@link #read} reads it to its end before closing, which is
     * what hands the connection back for reuse at once in both JDK clients.
     */
    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }

    /** Decodes straight from the byte stream, then reads to the end of the body and closes it. */
    static <T> T read(ObjectMapper mapper, InputStream body, Class<T> type) throws IOException {
        try (InputStream in = body) {
            T value = mapper.readValue(in, type);
            while (in.read() >= 0) {
                // nothing should follow the JSON value; reaching the end frees the connection
            }
            return value;
        }
    }

    static TokenIssueRequest credentials(String username, String password) {
        return new TokenIssueRequest().auth(new TokenAuth().username(username).password(password));
    }

    /** The least a careful program checks: HTTP 200, then {@code header.isSuccessful}. */
    static <T> T successful(T value, ResponseHeader header, String operation) {
        if (header == null || !Boolean.TRUE.equals(header.getIsSuccessful())) {
            throw new IllegalStateException(operation + " failed: "
                    + (header == null ? "no header" : header.getResultCode() + " " + header.getResultMessage()));
        }
        return value;
    }

    static String tokenId(TokenResponse response) {
        successful(response, response.getHeader(), "issueToken");
        return response.getAccess().getToken().getId();
    }
}
