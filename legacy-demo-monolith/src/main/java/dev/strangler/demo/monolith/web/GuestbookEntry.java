package dev.strangler.demo.monolith.web;

/** A note left on the home page. */
record GuestbookEntry(long id, String name, String message) {}
