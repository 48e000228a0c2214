package io.toastcloud.compute.client.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * Feign's {@link Client} on Apache HttpClient 5, doing per call only what the call needs.
 *
 * <p>It replaces feign-hc5's {@code ApacheHttp5Client}, which on every call parses the URL twice
 * (a {@code URIBuilder} and a {@code URI}), splits and re-encodes the query string, turns a JSON
 * body into a String and back into bytes, sends a zero-length entity with every GET, copies the
 * client's whole {@code RequestConfig} and looks the protocol version up by name: on a small GET
 * about an eighth of all the bytes the client allocated per call (docs/BENCHMARKS.md). Here the
 * target host is parsed once per endpoint, the request line is the URL's own path and query as
 * Feign encoded them, the body bytes are sent as they are, and the request configuration is built
 * once per {@link Request.Options}.
 *
 * <p>Behaviour kept from feign-hc5: {@code Content-Length} is left to HttpClient; a request
 * without {@code Accept} gets {@code Accept: *}{@code /*}; a POST, PUT or PATCH without a body
 * sends an empty one. Kept from HttpClient's full client (this one runs on its minimal client):
 * a request asks for {@code gzip} and a gzip answer is handed on decompressed, without its
 * {@code Content-Encoding} and {@code Content-Length}. Closing the response body reads what is
 * left of it and releases the
 * connection to the pool.
 */
final class Hc5FeignClient implements Client {
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String ACCEPT = "Accept";
    private static final String ACCEPT_ENCODING = "Accept-Encoding";
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final CloseableHttpClient http;
    private volatile Endpoint lastEndpoint;
    private volatile Config lastConfig;

    Hc5FeignClient(CloseableHttpClient http) {
        this.http = http;
    }

    /** Scheme and authority of a URL ({@code http://host:port}), and the HttpHost parsed from them. */
    private record Endpoint(String prefix, HttpHost host) {
    }

    /** The request configuration derived from one {@link Request.Options} instance. */
    private record Config(Request.Options options, RequestConfig requestConfig) {
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String url = request.url();
        Endpoint endpoint = endpoint(url);
        String pathAndQuery = url.length() == endpoint.prefix().length() ? "/" : url.substring(endpoint.prefix().length());
        BasicClassicHttpRequest outgoing = new BasicClassicHttpRequest(request.httpMethod().name(), endpoint.host(),
                pathAndQuery);
        boolean hasAccept = false;
        boolean hasAcceptEncoding = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase(CONTENT_LENGTH)) {
                continue; // HttpClient writes it from the entity
            }
            hasAccept |= name.equalsIgnoreCase(ACCEPT);
            hasAcceptEncoding |= name.equalsIgnoreCase(ACCEPT_ENCODING);
            for (String value : header.getValue()) {
                outgoing.addHeader(name, value);
            }
        }
        if (!hasAccept) {
            outgoing.addHeader(ACCEPT, "*/*");
        }
        if (!hasAcceptEncoding) {
            // As HttpClient's full client did: a large list compresses about tenfold on the wire.
            outgoing.addHeader(ACCEPT_ENCODING, "gzip");
        }
        byte[] body = request.body();
        if (body != null) {
            // The Content-Type header, if any, came with the request headers above.
            outgoing.setEntity(new ByteArrayEntity(body, null));
        } else if (request.httpMethod().isWithBody()) {
            outgoing.setEntity(new ByteArrayEntity(new byte[0], null));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config(options));
        ClassicHttpResponse response = http.executeOpen(endpoint.host(), outgoing, context);
        return toFeign(response, request);
    }

    private Endpoint endpoint(String url) throws IOException {
        Endpoint last = lastEndpoint;
        if (last != null && url.startsWith(last.prefix()) && endsAuthority(url, last.prefix().length())) {
            return last;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IOException("not an absolute URL: " + url);
        }
        int authorityEnd = schemeEnd + 3;
        while (authorityEnd < url.length() && !endsAuthority(url, authorityEnd)) {
            authorityEnd++;
        }
        String prefix = url.substring(0, authorityEnd);
        try {
            Endpoint parsed = new Endpoint(prefix, HttpHost.create(prefix));
            lastEndpoint = parsed;
            return parsed;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IOException("URL '" + url + "' has no valid scheme and authority", e);
        }
    }

    private static boolean endsAuthority(String url, int index) {
        if (index >= url.length()) {
            return true;
        }
        char c = url.charAt(index);
        return c == '/' || c == '?' || c == '#';
    }

    /** As feign-hc5 does: the client's own configuration with the call's redirect and timeout options. */
    @SuppressWarnings("deprecation") // setConnectTimeout: what feign-hc5 sets per request too
    private RequestConfig config(Request.Options options) {
        Config last = lastConfig;
        if (last != null && last.options() == options) {
            return last.requestConfig();
        }
        RequestConfig built = (http instanceof Configurable configurable
                ? RequestConfig.copy(configurable.getConfig())
                : RequestConfig.custom())
                .setRedirectsEnabled(options.isFollowRedirects())
                .setConnectTimeout(options.connectTimeout(), options.connectTimeoutUnit())
                .setResponseTimeout(options.readTimeout(), options.readTimeoutUnit())
                .build();
        lastConfig = new Config(options, built);
        return built;
    }

    private static Response toFeign(ClassicHttpResponse response, Request request) {
        HttpEntity entity = response.getEntity();
        Header encoding = response.getFirstHeader(CONTENT_ENCODING);
        boolean gzipped = entity != null && encoding != null && isGzip(encoding.getValue());
        Map<String, Collection<String>> headers = new HashMap<>();
        for (Iterator<Header> it = response.headerIterator(); it.hasNext(); ) {
            Header h = it.next();
            if (gzipped && (h.getName().equalsIgnoreCase(CONTENT_ENCODING) || h.getName().equalsIgnoreCase(CONTENT_LENGTH))) {
                continue; // they describe the compressed bytes, not the body handed on
            }
            headers.computeIfAbsent(h.getName(), n -> new ArrayList<>(1)).add(h.getValue());
        }
        return Response.builder()
                .protocolVersion(protocol(response.getVersion()))
                .status(response.getCode())
                .reason(response.getReasonPhrase())
                .headers(headers)
                .request(request)
                .body(body(response, entity, gzipped))
                .build();
    }

    private static boolean isGzip(String contentEncoding) {
        return contentEncoding != null
                && (contentEncoding.trim().equalsIgnoreCase("gzip") || contentEncoding.trim().equalsIgnoreCase("x-gzip"));
    }

    private static Request.ProtocolVersion protocol(ProtocolVersion version) {
        if (version == null || HttpVersion.HTTP_1_1.equals(version)) {
            return Request.ProtocolVersion.HTTP_1_1;
        }
        if (HttpVersion.HTTP_1_0.equals(version)) {
            return Request.ProtocolVersion.HTTP_1_0;
        }
        return version.getMajor() == 2 ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1;
    }

    private static Response.Body body(ClassicHttpResponse response, HttpEntity entity, boolean gzipped) {
        if (entity == null) {
            closeQuietly(response);
            return null;
        }
        return new Response.Body() {
            private InputStream content;

            @Override
            public Integer length() {
                long length = entity.getContentLength();
                return !gzipped && length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
            }

            @Override
            public boolean isRepeatable() {
                return entity.isRepeatable();
            }

            @Override
            public InputStream asInputStream() throws IOException {
                if (!gzipped) {
                    return entity.getContent();
                }
                if (content == null) {
                    content = new GZIPInputStream(entity.getContent());
                }
                return content;
            }

            @Override
            public Reader asReader() throws IOException {
                return asReader(StandardCharsets.UTF_8);
            }

            @Override
            public Reader asReader(Charset charset) throws IOException {
                return new InputStreamReader(asInputStream(), charset);
            }

            @Override
            public void close() throws IOException {
                try {
                    EntityUtils.consume(entity);
                } finally {
                    response.close();
                }
            }
        };
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
