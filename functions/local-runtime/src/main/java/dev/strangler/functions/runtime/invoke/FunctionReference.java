package dev.strangler.functions.runtime.invoke;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function an Invoke request names: {@code my-function}, {@code my-function:live}, {@code
 * 123456789012:function:my-function} or a full ARN, each optionally qualified, plus the {@code
 * Qualifier} parameter. Region and account of an ARN are not checked: there is only one here.
 */
public record FunctionReference(String name, Optional<String> qualifier) {

  private static final Pattern FUNCTION =
      Pattern.compile(
          "(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:|\\d{12}:function:)?"
              + "([a-zA-Z0-9_.-]+)(?::(\\$LATEST|[a-zA-Z0-9_-]+))?");

  public FunctionReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(qualifier, "qualifier");
  }

  /** Why a reference cannot name a function; reported as a 400 of this type. */
  public record Problem(String errorType, String message) {}

  /**
   * @param function the {@code FunctionName} path segment, decoded
   * @param qualifierParameter the {@code Qualifier} query parameter, or null
   */
  public static Result parse(String function, String qualifierParameter) {
    Matcher matcher = FUNCTION.matcher(function == null ? "" : function);
    if (!matcher.matches()) {
      return new Result(
          null,
          new Problem(
              "ValidationException",
              "1 validation error detected: Value '"
                  + function
                  + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
                  + " expression pattern: "
                  + FUNCTION.pattern()));
    }
    Optional<String> derived = Optional.ofNullable(matcher.group(2));
    Optional<String> given =
        Optional.ofNullable(qualifierParameter).filter(qualifier -> !qualifier.isEmpty());
    if (derived.isPresent() && given.isPresent() && !derived.equals(given)) {
      return new Result(
          null,
          new Problem(
              "InvalidParameterValueException",
              "The derived qualifier from the function name does not match the specified"
                  + " qualifier."));
    }
    return new Result(new FunctionReference(matcher.group(1), derived.or(() -> given)), null);
  }

  /** Either a reference or the problem with the request. */
  public record Result(FunctionReference reference, Problem problem) {
    public boolean isValid() {
      return reference != null;
    }
  }
}
