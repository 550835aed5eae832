package dev.strangler.proxy.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful sign-ins, remembered for a short time, so that a caller who sends HTTP Basic on every
 * call pays BCrypt's deliberately slow check once per {@code ttl} instead of once per call.
 *
 * <ul>
 *   <li>Only successes are kept: a wrong password always takes the full check, at its full cost.
 *   <li>One entry per user name, and at most {@code maxUsers} names: never more entries than there
 *       are users who can sign in.
 *   <li>The password is kept only as an HMAC-SHA256 under a key drawn at start, and compared in
 *       constant time.
 *   <li>An entry expires {@code ttl} after the check that made it, whatever its use since.
 * </ul>
 *
 * @param <T> what a successful sign-in produced
 */
final class SignInCache<T> {

  private static final String HMAC = "HmacSHA256";

  private final long ttlNanos;
  private final int maxUsers;
  private final LongSupplier nanoTime;
  private final SecretKeySpec key;
  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

  private record Entry<T>(byte[] digest, long expiresAt, T signedIn) {}

  SignInCache(Duration ttl, int maxUsers, LongSupplier nanoTime) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    if (maxUsers < 1) {
      throw new IllegalArgumentException("maxUsers must be positive, was " + maxUsers);
    }
    this.ttlNanos = ttl.toNanos();
    this.maxUsers = maxUsers;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
  }

  /** What the sign-in of {@code user} with {@code password} produced, if it is remembered. */
  T find(String user, String password) {
    byte[] presented = digest(user, password);
    Entry<T> entry = entries.get(user);
    if (entry == null) {
      return null;
    }
    if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(user, entry);
      return null;
    }
    return MessageDigest.isEqual(entry.digest(), presented) ? entry.signedIn() : null;
  }

  /** Remembers a successful sign-in; call it only after the full check succeeded. */
  void remember(String user, String password, T signedIn) {
    Objects.requireNonNull(signedIn, "signedIn");
    if (entries.size() >= maxUsers && !entries.containsKey(user)) {
      return; // full: the next call checks in full, as without the cache
    }
    entries.put(
        user, new Entry<>(digest(user, password), nanoTime.getAsLong() + ttlNanos, signedIn));
  }

  int size() {
    return entries.size();
  }

  private byte[] digest(String user, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0); // a name cannot hold NUL: "ab"+"c" and "a"+"bc" differ
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is part of every JDK", e);
    }
  }
}
