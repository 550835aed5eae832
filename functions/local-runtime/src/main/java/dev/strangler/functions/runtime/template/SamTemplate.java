package dev.strangler.functions.runtime.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Java functions of an AWS SAM template, resolved for running locally: {@code Handler}, {@code
 * CodeUri} (relative to the template's folder), {@code Timeout}, {@code MemorySize}, {@code
 * ReservedConcurrentExecutions}, {@code AutoPublishAlias} and {@code Environment.Variables}, with
 * {@code Globals.Function} applied and {@code Ref}/{@code Fn::Sub} resolved against the parameters'
 * defaults or the given overrides.
 *
 * @param warnings functions that were left out, and why
 */
public record SamTemplate(Path source, List<FunctionDefinition> functions, List<String> warnings) {

  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
  private static final int MAX_TIMEOUT_SECONDS = 900;
  private static final int MAX_MEMORY_MB = 10_240;

  /** Keys that Lambda sets itself; a template may not set them (Lambda refuses such a deploy). */
  static final Set<String> RESERVED_VARIABLES =
      Set.of(
          "_HANDLER",
          "AWS_REGION",
          "AWS_DEFAULT_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  public SamTemplate {
    Objects.requireNonNull(source, "source");
    functions = List.copyOf(functions);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param parameterOverrides values that replace the parameters' defaults, as {@code sam
   *     --parameter-overrides} does
   * @param pseudoParameters {@code AWS::Region}, {@code AWS::AccountId} and the like
   * @throws TemplateException naming the file and the property that cannot be run locally
   */
  public static SamTemplate load(
      Path template, Map<String, String> parameterOverrides, Map<String, String> pseudoParameters) {
    Path source = template.toAbsolutePath().normalize();
    Map<String, Object> root = parse(source);
    TemplateValues values =
        new TemplateValues(source, parameters(source, root, parameterOverrides), pseudoParameters);
    Map<String, Object> globals = mapAt(mapAt(root, "Globals", source), "Function", source);
    List<FunctionDefinition> functions = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, Object> resource : mapAt(root, "Resources", source).entrySet()) {
      String logicalId = resource.getKey();
      Map<String, Object> body = asMap(resource.getValue(), "Resources." + logicalId, source);
      if (!SERVERLESS_FUNCTION.equals(body.get("Type"))) {
        continue;
      }
      Map<String, Object> properties = new LinkedHashMap<>(globals);
      properties.putAll(mapAt(body, "Properties", source));
      properties.put(
          "Environment", environment(globals, properties, logicalId, source)); // merged variables
      FunctionReader reader = new FunctionReader(source, logicalId, properties, values);
      Optional<String> skipped = reader.unsupported();
      if (skipped.isPresent()) {
        warnings.add(skipped.get());
      } else {
        functions.add(reader.read());
      }
    }
    rejectDuplicateNames(source, functions);
    return new SamTemplate(source, functions, warnings);
  }

  private static Map<String, Object> parse(Path source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      Object document = new Yaml(new IntrinsicFunctionConstructor(options)).load(reader);
      return asMap(document == null ? Map.of() : document, "the document", source);
    } catch (IOException e) {
      throw new TemplateException("Cannot read the SAM template " + source + ": " + e, e);
    } catch (YAMLException e) {
      throw new TemplateException(source + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static Map<String, Optional<String>> parameters(
      Path source, Map<String, Object> root, Map<String, String> overrides) {
    Map<String, Object> declared = mapAt(root, "Parameters", source);
    for (String name : overrides.keySet()) {
      if (!declared.containsKey(name)) {
        throw new TemplateException(
            source
                + ": --parameter "
                + name
                + " names no parameter of the template (its parameters: "
                + String.join(", ", new TreeMap<>(declared).keySet())
                + ")");
      }
    }
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    for (String name : declared.keySet()) {
      Object defaultValue = mapAt(declared, name, source).get("Default");
      String value = overrides.getOrDefault(name, defaultValue == null ? null : defaultValue + "");
      values.put(name, Optional.ofNullable(value));
    }
    return values;
  }

  private static Map<String, Object> environment(
      Map<String, Object> globals, Map<String, Object> function, String logicalId, Path source) {
    Map<String, Object> variables = new LinkedHashMap<>();
    String where = "Resources." + logicalId + ".Properties.Environment";
    variables.putAll(mapAt(mapAt(globals, "Environment", source), "Variables", source));
    Object own = function.get("Environment");
    if (own != null) {
      variables.putAll(mapAt(asMap(own, where, source), "Variables", source));
    }
    return Map.of("Variables", variables);
  }

  private static void rejectDuplicateNames(Path source, List<FunctionDefinition> functions) {
    Map<String, String> owners = new TreeMap<>();
    for (FunctionDefinition function : functions) {
      for (String name : List.of(function.name(), function.logicalId())) {
        String owner = owners.putIfAbsent(name, function.logicalId());
        if (owner != null && !owner.equals(function.logicalId())) {
          throw new TemplateException(
              source + ": functions " + owner + " and " + function.logicalId() + " share " + name);
        }
      }
    }
  }

  static Map<String, Object> mapAt(Map<String, Object> parent, String key, Path source) {
    Object value = parent.get(key);
    return value == null ? Map.of() : asMap(value, key, source);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value, String where, Path source) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<Object, Object>) map).forEach((key, item) -> copy.put(String.valueOf(key), item));
      return copy;
    }
    throw new TemplateException(source + ": " + where + " must be a mapping, but was " + value);
  }

  /** Reads one function's merged properties. */
  private record FunctionReader(
      Path source, String logicalId, Map<String, Object> properties, TemplateValues values) {

    Optional<String> unsupported() {
      String runtime = runtime();
      if (!runtime.toLowerCase(Locale.ROOT).startsWith("java")) {
        return Optional.of(
            logicalId + " is left out: only Java runtimes run locally, not " + runtime);
      }
      Object packageType = properties.get("PackageType");
      if (packageType != null && !"Zip".equals(packageType)) {
        return Optional.of(
            logicalId + " is left out: PackageType " + packageType + " needs Docker");
      }
      return Optional.empty();
    }

    FunctionDefinition read() {
      String name = optional("FunctionName").orElse(logicalId);
      String handler = optional("Handler").orElseThrow(() -> error("Handler", "is required"));
      return new FunctionDefinition(
          logicalId,
          name,
          handler,
          runtime(),
          codeUri(),
          Duration.ofSeconds(
              integer(
                  "Timeout",
                  (int) FunctionDefinition.DEFAULT_TIMEOUT.toSeconds(),
                  1,
                  MAX_TIMEOUT_SECONDS)),
          integer("MemorySize", FunctionDefinition.DEFAULT_MEMORY_MB, 128, MAX_MEMORY_MB),
          properties.containsKey("ReservedConcurrentExecutions")
              ? OptionalInt.of(integer("ReservedConcurrentExecutions", 0, 0, Integer.MAX_VALUE))
              : OptionalInt.empty(),
          variables(),
          optional("AutoPublishAlias"));
    }

    private String runtime() {
      return optional("Runtime").orElse("java17");
    }

    private Path codeUri() {
      Object value = properties.get("CodeUri");
      if (value instanceof Map<?, ?> map && map.containsKey("Bucket")) {
        throw error("CodeUri", "points to S3; locally it must be a jar or a folder of classes");
      }
      String text = optional("CodeUri").orElseThrow(() -> error("CodeUri", "is required"));
      Path folder = source.getParent() == null ? Path.of("") : source.getParent();
      return folder.resolve(text).toAbsolutePath().normalize();
    }

    private Map<String, String> variables() {
      Map<String, Object> declared =
          mapAt(asMap(properties.get("Environment"), "Environment", source), "Variables", source);
      Map<String, String> resolved = new LinkedHashMap<>();
      for (Map.Entry<String, Object> variable : declared.entrySet()) {
        String key = variable.getKey();
        if (RESERVED_VARIABLES.contains(key)) {
          throw error("Environment.Variables." + key, "is reserved: Lambda sets it itself");
        }
        values
            .resolve(variable.getValue(), where("Environment.Variables." + key))
            .ifPresent(value -> resolved.put(key, value));
      }
      return resolved;
    }

    private Optional<String> optional(String property) {
      Object value = properties.get(property);
      return value == null ? Optional.empty() : values.resolve(value, where(property));
    }

    private int integer(String property, int fallback, int min, int max) {
      Optional<String> text = optional(property);
      if (text.isEmpty()) {
        return fallback;
      }
      int value;
      try {
        value = Integer.parseInt(text.get().trim());
      } catch (NumberFormatException e) {
        throw error(property, "must be a whole number, but was '" + text.get() + "'");
      }
      if (value < min || value > max) {
        throw error(property, "must be between " + min + " and " + max + ", but was " + value);
      }
      return value;
    }

    private TemplateException error(String property, String problem) {
      return new TemplateException(source + ": " + where(property) + " " + problem);
    }

    private String where(String property) {
      return "Resources." + logicalId + ".Properties." + property;
    }
  }
}
