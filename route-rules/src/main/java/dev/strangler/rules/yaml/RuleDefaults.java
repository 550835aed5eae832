package dev.strangler.rules.yaml;

import dev.strangler.rules.model.Fallback;

/**
 * What every rule inherits for the keys it leaves out: the file's {@code defaults} over the
 * built-in defaults.
 */
record RuleDefaults(LambdaReader.Defaults lambda, Fallback fallback) {

  static RuleDefaults read(Fields file) {
    Fields defaults = file.fields("defaults", false, Keys.DEFAULTS);
    return new RuleDefaults(LambdaReader.defaults(defaults), FallbackReader.defaults(defaults));
  }
}
