package io.toastcloud.compute.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The appkey binding the client reads from the contract (spec/DECISIONS.md D44). */
class ClientBindingTest {
    @Test
    void theBundledContractBindsTheAppkeyPrefixOfEveryPath() {
        ClientBinding binding = Contract.bundled().clientBinding().orElseThrow();
        assertEquals(new ClientBinding("appkey", "/v1.0/appkeys/{appkey}"), binding);
    }

    @Test
    void theValueIsOnePercentEncodedPathSegment() {
        ClientBinding binding = new ClientBinding("appkey", "/v1.0/appkeys/{appkey}");
        assertEquals("/v1.0/appkeys/Ab9-._~", binding.expand("Ab9-._~"));
        assertEquals("/v1.0/appkeys/a%20b%2F%3F%23%25%2B%C3%BC", binding.expand("a b/?#%+\u00fc"));
    }
}
