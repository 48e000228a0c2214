/**
 * Internal: the bundled contract as the client and the emulator read it (operations, parameters,
 * schemas, {@code x-rules}, result codes, timestamps) and the request validator both of them
 * judge requests with. Not part of the client's API.
 */
@InternalApi
package io.toastcloud.compute.contract;

import io.toastcloud.compute.annotation.InternalApi;
