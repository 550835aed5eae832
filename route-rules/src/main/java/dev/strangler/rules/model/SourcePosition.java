package dev.strangler.rules.model;

import java.util.Objects;

/**
 * Where something was written in a rules file: 1-based line and column, as editors count them.
 *
 * @param file the file name as the user knows it, e.g. {@code routes.yaml}
 */
public record SourcePosition(String file, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  /** {@code routes.yaml:14:16} */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
