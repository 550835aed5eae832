package dev.strangler.functions.shop.http;

import dev.strangler.functions.shop.http.ApiProblem.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a request body with Hibernate Validator, the implementation behind the monolith's
 * {@code @Valid @RequestBody}, and lists the violations as the monolith does: each field named as
 * Spring names it ({@code items[0].quantity}, and {@code items[0]} for a list element itself),
 * sorted by field, then message.
 */
public final class RequestBodyValidator {

  // The messages are literal, so the interpolator that needs no Expression Language will do; the
  // factory is built once per execution environment because building it is the slow part.
  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private RequestBodyValidator() {}

  /** The violations, empty when the body is valid. */
  public static List<FieldProblem> problems(Object body) {
    return VALIDATOR.validate(body).stream()
        .map(violation -> new FieldProblem(fieldOf(violation), violation.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
  }

  /**
   * The field as Spring's validator adapter writes it into the binding result. Hibernate's own path
   * text differs for list elements ({@code items[0].<list element>}), and the monolith answers with
   * Spring's.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable() && !field.isEmpty()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        field.append('[').append(position == null ? "" : position).append(']');
      }
      String name = node.getName();
      if (node.getKind() == ElementKind.PROPERTY && name != null && !name.startsWith("<")) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(name);
      }
    }
    return field.toString();
  }
}
