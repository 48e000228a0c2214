package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.SecurityGroupRule;
import org.junit.jupiter.api.Test;

/** Reading enums tolerantly must never turn an unknown value into a meaningful one. */
class EnumReadingTest {
    private static SecurityGroupRule read(String protocol) throws Exception {
        return ToastComputeClient.objectMapper().readValue("{\"id\":\"r\",\"direction\":\"ingress\",\"securityGroupId\":\"g\","
                + "\"protocol\":" + protocol + "}", SecurityGroupRule.class);
    }

    @Test
    void nullProtocolMeansAny() throws Exception {
        assertNull(read("null").getProtocol());
    }

    @Test
    void unknownProtocolIsUnknownNotAny() throws Exception {
        assertEquals(Protocol.UNKNOWN_DEFAULT_OPEN_API, read("\"gre\"").getProtocol());
        assertEquals(Protocol.TCP, read("\"tcp\"").getProtocol());
    }

    /** DECISIONS.md D47: a status the service adds is read as unknown, never as a known one. */
    @Test
    void aStatusTheContractDoesNotListIsReadAsUnknown() throws Exception {
        var instance = ToastComputeClient.objectMapper().readValue("{\"id\":\"i\",\"name\":\"n\",\"status\":\"SHELVED\"}",
                io.toastcloud.compute.model.InstanceSummary.class);
        assertEquals(io.toastcloud.compute.model.InstanceStatus.UNKNOWN_DEFAULT_OPEN_API, instance.getStatus());
        var volume = ToastComputeClient.objectMapper().readValue("{\"id\":\"v\",\"name\":\"n\",\"size\":10,"
                + "\"status\":\"reserved\",\"availabilityZone\":\"z\",\"attachments\":[]}", io.toastcloud.compute.model.Volume.class);
        assertEquals(io.toastcloud.compute.model.VolumeStatus.UNKNOWN_DEFAULT_OPEN_API, volume.getStatus());
    }
}
