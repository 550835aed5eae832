package dev.strangler.functions.shop.user;

import dev.strangler.functions.shop.http.ApiProblem.FieldProblem;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a sign-up with Hibernate Validator, the implementation behind the monolith's
 * {@code @Valid}, and lists the violations as the monolith does: sorted by field, then message.
 */
public final class CreateUserValidator {

  // The messages are literal, so the interpolator that needs no Expression Language will do; the
  // factory is built once per execution environment because building it is the slow part.
  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private CreateUserValidator() {}

  /** The violations, empty when the request is valid. */
  public static List<FieldProblem> problems(CreateUserRequest request) {
    return VALIDATOR.validate(request).stream()
        .map(
            violation ->
                new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
  }
}
