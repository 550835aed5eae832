package dev.strangler.proxy.config;

import dev.strangler.proxy.forwarding.AddressRange;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An IP address or CIDR range written as numbers, e.g. {@code 10.0.0.0/8} or {@code ::1}. */
@Documented
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IpRange.Validator.class)
public @interface IpRange {

  String message() default
      "must be an IP address or CIDR range written as numbers, e.g. 10.0.0.0/8 or 127.0.0.1";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Delegates to the parser the proxy uses at run time, so both agree. */
  class Validator implements ConstraintValidator<IpRange, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return false;
      }
      try {
        AddressRange.parse(value);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
