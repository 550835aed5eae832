package dev.strangler.proxy.config;

/** A setting whose value is well-formed but unusable, found after binding (e.g. a missing file). */
public final class InvalidSettingException extends RuntimeException {

  private final String property;
  private final transient Object value;
  private final String reason;

  public InvalidSettingException(String property, Object value, String reason, Throwable cause) {
    super(property + " = '" + value + "': " + reason, cause);
    this.property = property;
    this.value = value;
    this.reason = reason;
  }

  public String property() {
    return property;
  }

  public Object value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
