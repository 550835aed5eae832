package dev.strangler.proxy.rules;

import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.routing.RouteTable;
import dev.strangler.rules.yaml.RuleSetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Reads and compiles the rules file; knows nothing of when or why it is asked to. */
public final class RulesFile {

  private final Path path;

  public RulesFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /** The file's bytes, following symbolic links (as a Kubernetes ConfigMap mount has them). */
  public byte[] read() throws IOException {
    return Files.readAllBytes(path);
  }

  /**
   * Parses, validates and compiles one version of the file.
   *
   * @throws RuleSetException listing every problem
   */
  public RouteTable compile(byte[] content) {
    String name = path.getFileName().toString();
    RuleSet rules = RuleSetLoader.parse(new String(content, StandardCharsets.UTF_8), name);
    return RouteTable.compile(rules);
  }

  public static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
