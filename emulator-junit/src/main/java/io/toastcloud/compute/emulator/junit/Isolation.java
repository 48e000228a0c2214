package io.toastcloud.compute.emulator.junit;

/** How the tests sharing one emulator are kept apart. */
public enum Isolation {
    /** Each test gets an appkey no other test uses (cheap; the state of earlier tests stays, unseen). */
    FRESH_APPKEY,
    /** Every appkey is reset before each test and the tests use one appkey ({@code test-appkey}). */
    RESET
}
