package dev.strangler.demo.monolith.user;

/** A registered customer. */
public record User(long id, String name, String email) {}
