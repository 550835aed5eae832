package dev.strangler.proxy.admin;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a presented password against a configured one in its {@code {bcrypt}} or {@code {noop}}
 * form, and never asks for it to be re-encoded.
 *
 * <p>Spring Security's default encoder calls every stored form other than its own default (BCrypt
 * at strength 10) out of date. The sign-in then hashes the presented password with BCrypt after
 * each successful check, to hand it to a password store: about 60 ms of CPU per admin call with a
 * {@code {noop}} password (or a BCrypt hash of another strength). Our passwords are settings, so
 * there is nowhere to store an upgrade and the hash was thrown away.
 */
final class ConfiguredPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder forms = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Override
  public String encode(CharSequence rawPassword) {
    return forms.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return forms.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return false;
  }
}
