package dev.strangler.rules.yaml;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a rules file (see {@code docs/route-rules.md}) into a {@link RuleSet}, with defaults
 * applied. Reports every problem in the file at once, each with its line and column, e.g. {@code
 * canary.percent must be between 0 and 100, but was 120 (rule 'product-reads', routes.yaml:14:16)}.
 */
public final class RuleSetLoader {

  private RuleSetLoader() {}

  /**
   * Reads and validates a UTF-8 rules file; messages name it by its file name.
   *
   * @throws RuleSetException listing every problem, or why the file could not be read
   */
  public static RuleSet load(Path file) {
    Objects.requireNonNull(file, "file");
    Path fileName = file.getFileName();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw unreadable(file, "it is not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied");
    } catch (IOException e) {
      throw unreadable(file, e.getMessage());
    }
    return parse(text, fileName == null ? file.toString() : fileName.toString());
  }

  /**
   * Parses and validates rules given as text.
   *
   * @param sourceName the file name to show in messages, e.g. {@code routes.yaml}
   * @throws RuleSetException listing every problem
   */
  public static RuleSet parse(String yaml, String sourceName) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(sourceName, "sourceName");
    Problems problems = new Problems(sourceName);
    Node root;
    try {
      root = compose(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          YamlSyntax.message(e, problems),
          null,
          mark == null ? problems.start() : problems.at(mark));
      throw new RuleSetException(problems.errors());
    } catch (YAMLException e) {
      problems.add("invalid YAML: " + e.getMessage(), null, problems.start());
      throw new RuleSetException(problems.errors());
    }
    RuleSet rules = RuleSetReader.read(root, problems, sourceName);
    if (problems.count() > 0 || rules == null) {
      throw new RuleSetException(problems.errors());
    }
    return rules;
  }

  /**
   * The keys the format allows at each level: {@code ""} for the top level, {@code routes[]} for a
   * rule, {@code routes[].canary} for a rule's canary, and so on.
   */
  public static Map<String, List<String>> allowedKeys() {
    return Keys.ALL;
  }

  /** The node tree with marks; nothing is constructed, so no YAML tag can run code. */
  private static Node compose(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
  }

  private static RuleSetException unreadable(Path file, String reason) {
    return new RuleSetException(
        List.of(new RuleError("cannot read " + file + ": " + reason, null, null)));
  }
}
