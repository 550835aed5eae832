package dev.strangler.proxy.admin;

import java.util.Objects;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Signs HTTP Basic callers in through {@code delegate}, answering a name and password that
 * succeeded within the cache's time from the {@link SignInCache}. Failures are never remembered.
 */
final class CachingAuthenticationManager implements ReactiveAuthenticationManager {

  private final ReactiveAuthenticationManager delegate;
  private final SignInCache<Authentication> cache;

  CachingAuthenticationManager(
      ReactiveAuthenticationManager delegate, SignInCache<Authentication> cache) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public Mono<Authentication> authenticate(Authentication presented) {
    if (!(presented instanceof UsernamePasswordAuthenticationToken)
        || !(presented.getCredentials() instanceof String password)) {
      return delegate.authenticate(presented);
    }
    String user = presented.getName();
    Authentication known = cache.find(user, password);
    if (known != null) {
      // A token of its own per call: tokens are mutable, and callers may erase their credentials.
      return Mono.just(
          UsernamePasswordAuthenticationToken.authenticated(
              known.getPrincipal(), null, known.getAuthorities()));
    }
    return delegate
        .authenticate(presented)
        .doOnNext(
            signedIn -> {
              if (signedIn.isAuthenticated()) {
                cache.remember(user, password, signedIn);
              }
            });
  }
}
