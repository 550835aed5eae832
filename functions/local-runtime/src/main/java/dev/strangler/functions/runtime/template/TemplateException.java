package dev.strangler.functions.runtime.template;

/** The SAM template cannot be run locally; the message names the file and the property. */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
