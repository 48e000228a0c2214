package io.toastcloud.compute.testsupport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Response bodies in the service's envelope, as the contract describes them. */
public final class Envelopes {
    private Envelopes() {
    }

    public static String ok(String payload) {
        return "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"}"
                + (payload == null || payload.isEmpty() ? "" : "," + payload) + "}";
    }

    public static String failure(int code, String message) {
        return "{\"header\":{\"isSuccessful\":false,\"resultCode\":" + code + ",\"resultMessage\":\"" + message + "\"}}";
    }

    /** A token answer; {@code expires} is written as the service writes it, without an offset. */
    public static String token(String tokenId, Instant expires) {
        String at = LocalDateTime.ofInstant(expires, ZoneOffset.UTC).toString();
        return ok("\"access\":{\"token\":{\"id\":\"" + tokenId + "\",\"expires\":\"" + at + "\","
                + "\"issued_at\":\"2017-05-16T02:17:50.166563\"},"
                + "\"user\":{\"id\":\"u-1\",\"roles\":[{\"name\":\"Member\"}]}}");
    }

    public static String tokenInvalid() {
        return failure(50401, "Unauthorized : The token is expired or invalid.");
    }

    /** A list answer big enough that a cut after 40 bytes is in the middle of the body. */
    public static String flavors() {
        return ok("\"flavors\":[{\"id\":\"f-1\",\"name\":\"m1.small\",\"ram\":2048,\"vcpus\":1,\"disk\":0},"
                + "{\"id\":\"f-2\",\"name\":\"m1.medium\",\"ram\":4096,\"vcpus\":2,\"disk\":0}]");
    }
}
