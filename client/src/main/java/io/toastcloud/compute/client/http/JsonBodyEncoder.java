package io.toastcloud.compute.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a request body as JSON (UTF-8, as Jackson always writes it), as feign-jackson's encoder
 * does, but hands the bytes on without a charset. A body with a charset is text to Feign's
 * transports: feign-hc5 makes a {@code String} of it and bytes again (a {@code StringEntity}, and
 * its {@code Content-Type} parsed per call); without one it sends the bytes as they are. The
 * request's {@code Content-Type: application/json} header (from the contract) says what they are,
 * and {@link RedactingLogger} still logs them as text. One writer per body type, made once.
 */
public final class JsonBodyEncoder implements Encoder {
    private final ObjectMapper mapper;
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    public JsonBodyEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        ObjectWriter writer = writers.computeIfAbsent(bodyType,
                t -> mapper.writerFor(mapper.getTypeFactory().constructType(t)));
        try {
            template.body(writer.writeValueAsBytes(object), null);
        } catch (JsonProcessingException e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }
}
