package io.toastcloud.compute.emulator.api;

import io.toastcloud.compute.model.HeaderOnlyResponse;
import io.toastcloud.compute.model.ResponseHeader;

/** The {@code header} of every answer. */
public final class Envelopes {
    private Envelopes() {
    }

    public static ResponseHeader ok() {
        return new ResponseHeader().isSuccessful(true).resultCode(0).resultMessage("SUCCESS");
    }

    public static HeaderOnlyResponse okOnly() {
        return new HeaderOnlyResponse().header(ok());
    }

    public static HeaderOnlyResponse failure(ApiFailure failure) {
        return new HeaderOnlyResponse().header(new ResponseHeader().isSuccessful(false)
                .resultCode(failure.resultCode()).resultMessage(failure.resultMessage()));
    }
}
