package io.toastcloud.compute.client.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.ServiceExceptions;
import io.toastcloud.compute.model.ApiResponse;
import io.toastcloud.compute.model.ResponseHeader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;

/**
 * Decodes a 200 answer and checks its envelope. Every response of this API is HTTP 200; success
 * or failure is only in {@code header}. A failed header becomes the typed exception for its
 * result code; a body that is not the envelope becomes {@link MalformedResponseException}.
 *
 * <p>Jackson reads straight from the response's byte stream (no Reader in between): measured
 * faster on large lists than feign-jackson's Reader-based decoder (docs/BENCHMARKS.md).
 */
public final class EnvelopeDecoder implements Decoder {
    private static final ClassValue<MethodHandle> HEADER_GETTER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "getHeader", MethodType.methodType(ResponseHeader.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null;
            }
        }
    };

    private final ObjectMapper mapper;
    private final ServiceExceptions exceptions;

    public EnvelopeDecoder(ObjectMapper mapper, ServiceExceptions exceptions) {
        this.mapper = mapper;
        this.exceptions = exceptions;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type instanceof ParameterizedType && Types.getRawType(type) == ApiResponse.class) {
            Object body = decodeEnvelope(response, ((ParameterizedType) type).getActualTypeArguments()[0]);
            return new ApiResponse<>(response.status(), Collections.unmodifiableMap(response.headers()), body);
        }
        return decodeEnvelope(response, type);
    }

    private Object decodeEnvelope(Response response, Type type) throws IOException {
        String operation = Operations.of(response);
        if (response.body() == null) {
            throw new MalformedResponseException(operation, "the response has no body (expected the JSON envelope)", null);
        }
        Object value;
        // Jackson's own parser on the byte stream: its first token tells an empty body (a typed
        // error of its own) from the envelope, without a look-ahead stream in between that every
        // byte of a large answer would pass through.
        try (InputStream raw = response.body().asInputStream(); JsonParser parser = mapper.createParser(raw)) {
            if (parser.nextToken() == null) {
                throw new MalformedResponseException(operation, "the response body is empty (expected the JSON envelope)", null);
            }
            value = mapper.readValue(parser, mapper.constructType(type));
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it quotes the body near the error, and the body may be a
            // token or a private key the client cannot redact yet (JsonFailures).
            throw new MalformedResponseException(operation, "the response body is not the JSON envelope ("
                    + JsonFailures.describe(e) + ")", JsonFailures.contentFree(e));
        }
        if (value == null) {
            throw new MalformedResponseException(operation, "the response body is JSON null (expected the envelope)", null);
        }
        ResponseHeader header = header(value, operation);
        if (header == null || header.getIsSuccessful() == null) {
            throw new MalformedResponseException(operation, "the response has no header.isSuccessful", null);
        }
        if (!header.getIsSuccessful()) {
            int code = header.getResultCode() == null ? Integer.MIN_VALUE : header.getResultCode();
            throw exceptions.of(operation, code, String.valueOf(header.getResultMessage()));
        }
        return value;
    }

    /** The result code in a decoded answer's envelope, or null when it has none (for metrics). */
    static Integer resultCodeOf(Object value) {
        MethodHandle getter = value == null ? null : HEADER_GETTER.get(value.getClass());
        if (getter == null) {
            return null;
        }
        try {
            ResponseHeader header = (ResponseHeader) getter.invoke(value);
            return header == null ? null : header.getResultCode();
        } catch (Throwable e) {
            return null;
        }
    }

    private static ResponseHeader header(Object value, String operation) {
        MethodHandle getter = HEADER_GETTER.get(value.getClass());
        if (getter == null) {
            throw new MalformedResponseException(operation, "decoded " + value.getClass().getSimpleName()
                    + ", which has no header", null);
        }
        try {
            return (ResponseHeader) getter.invoke(value);
        } catch (Throwable e) {
            throw new MalformedResponseException(operation, "cannot read the response header", e);
        }
    }
}
