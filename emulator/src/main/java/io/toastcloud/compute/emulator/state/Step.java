package io.toastcloud.compute.emulator.state;

/**
 * One pending step of a status machine: at {@code at} (epoch milliseconds) the resource takes
 * {@code status}, or, when {@code gone}, disappears. {@code seq} orders steps that fall due at
 * the same moment, in the order they were planned.
 */
public record Step(long at, long seq, String status, boolean gone) {
}
