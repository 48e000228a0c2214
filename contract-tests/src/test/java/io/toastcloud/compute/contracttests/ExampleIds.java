package io.toastcloud.compute.contracttests;

/** Realistic ids for path and query parameters: the ones the contract's own examples use. */
final class ExampleIds {
    static final String TOKEN = "7f1c5e2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b";
    static final String INSTANCE = "c8a1d6e4-5f2b-4a39-8e71-0b9d3c6f2a15";
    static final String VOLUME = "9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d";
    static final String KEYPAIR = "my-key";
    static final String SECURITY_GROUP = "6b1e0f4c-8d2a-4c5e-9f3b-1a7d2e6c4b80";
    static final String SECURITY_GROUP_RULE = "7c4b2a19-3e5d-4f60-8a1b-9c2d3e4f5a6b";
    static final String NETWORK = "d1c2b3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String FLOATING_IP = "6f5e4d3c-2b1a-4098-8765-4321fedcba98";
    /** The private image of the listImages examples (web-01-golden). */
    static final String IMAGE = "2f6e8a4c-0b1d-4e3f-9a7c-5d8b6e4f2a1c";
    /** The public CentOS image of the listImages examples, the marker of the page example. */
    static final String PUBLIC_IMAGE = "5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e";

    private ExampleIds() {
    }
}
