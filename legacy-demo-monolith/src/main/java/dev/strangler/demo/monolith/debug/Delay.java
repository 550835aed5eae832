package dev.strangler.demo.monolith.debug;

/** Response of the slow endpoint. */
public record Delay(long delayedMs) {}
