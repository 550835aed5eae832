package dev.strangler.functions.shop.user;

/** A registered customer, in the monolith's JSON shape. */
public record User(long id, String name, String email) {}
