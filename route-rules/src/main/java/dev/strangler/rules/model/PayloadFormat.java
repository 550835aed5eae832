package dev.strangler.rules.model;

/** API Gateway's two Lambda proxy event formats. */
public enum PayloadFormat {
  /** REST API proxy integration. */
  V1_0("1.0"),
  /** HTTP API (the default). */
  V2_0("2.0");

  private final String text;

  PayloadFormat(String text) {
    this.text = text;
  }

  /** As written in the rules file: {@code "1.0"} or {@code "2.0"}. */
  public String text() {
    return text;
  }
}
