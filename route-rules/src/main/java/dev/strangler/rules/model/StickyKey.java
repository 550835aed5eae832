package dev.strangler.rules.model;

import java.util.Locale;
import java.util.Objects;

/** What identifies a user, so that one user always sees the same backend. */
public sealed interface StickyKey {

  /** {@code header:X-User-Id}; the name is matched case-insensitively. */
  record Header(String name) implements StickyKey {
    public Header {
      name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    }
  }

  /** {@code cookie:session}; the name is matched exactly. */
  record Cookie(String name) implements StickyKey {
    public Cookie {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code client-ip}: the client's address as the proxy determined it. */
  record ClientIp() implements StickyKey {}

  /** No key: every request is decided on its own. */
  record None() implements StickyKey {}
}
