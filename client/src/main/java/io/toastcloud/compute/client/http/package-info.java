/**
 * Internal: the Feign wiring under {@code ToastComputeClient} (transports, envelope decoding,
 * exception translation, contract checks before sending, redaction). Configure it through the
 * builder; nothing here is part of the client's API.
 */
@InternalApi
package io.toastcloud.compute.client.http;

import io.toastcloud.compute.annotation.InternalApi;
