/**
 * Internal: token issue, caching and renewal. The client handles tokens itself; nothing here is
 * part of the client's API.
 */
@InternalApi
package io.toastcloud.compute.client.auth;

import io.toastcloud.compute.annotation.InternalApi;
