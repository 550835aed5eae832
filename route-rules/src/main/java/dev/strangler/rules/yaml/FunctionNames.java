package dev.strangler.rules.yaml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS Lambda's naming rules for functions, versions and aliases. */
final class FunctionNames {

  /** Longest function reference the Invoke API accepts. */
  static final int MAX_FUNCTION_LENGTH = 140;

  private static final String QUALIFIER = "\\$LATEST|[1-9][0-9]*|(?![0-9]+$)[A-Za-z0-9_-]{1,128}";

  private static final Pattern FUNCTION =
      Pattern.compile(
          "(?:(?:arn:aws[a-z-]*:lambda:[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-[0-9]:)?"
              + "[0-9]{12}:function:)?"
              + "[A-Za-z0-9_-]{1,64}"
              + "(?::(?<qualifier>"
              + QUALIFIER
              + "))?");

  private static final Pattern QUALIFIER_ONLY = Pattern.compile(QUALIFIER);

  private FunctionNames() {}

  /**
   * Whether the text is a function name, {@code name:alias}, a partial ARN {@code
   * 123456789012:function:name} or a full ARN, each with an optional qualifier.
   */
  static boolean isFunction(String text) {
    return text.length() <= MAX_FUNCTION_LENGTH && FUNCTION.matcher(text).matches();
  }

  /** The version or alias a valid function reference ends with, if it has one. */
  static Optional<String> qualifierOf(String function) {
    Matcher matcher = FUNCTION.matcher(function);
    return matcher.matches() ? Optional.ofNullable(matcher.group("qualifier")) : Optional.empty();
  }

  /** {@code $LATEST}, a version number, or an alias (not all digits). */
  static boolean isQualifier(String text) {
    return QUALIFIER_ONLY.matcher(text).matches();
  }
}
