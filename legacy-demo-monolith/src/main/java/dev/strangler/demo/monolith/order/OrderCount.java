package dev.strangler.demo.monolith.order;

/** Lets tests prove that a retried request did not create a second order. */
public record OrderCount(long count) {}
