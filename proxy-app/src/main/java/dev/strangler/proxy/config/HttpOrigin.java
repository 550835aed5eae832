package dev.strangler.proxy.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/** An absolute http(s) URL naming only an origin: scheme, host and optional port, no path. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpOrigin.Validator.class)
public @interface HttpOrigin {

  String message() default
      "must be an absolute http:// or https:// URL with a host and no path, query or fragment,"
          + " e.g. http://127.0.0.1:8081";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the parts of the URI that make it an origin. */
  class Validator implements ConstraintValidator<HttpOrigin, URI> {
    @Override
    public boolean isValid(URI uri, ConstraintValidatorContext context) {
      if (uri == null) {
        return true; // @NotNull says so when it matters
      }
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      String path = uri.getRawPath();
      return http
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && (path == null || path.isEmpty() || path.equals("/"))
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    }
  }
}
