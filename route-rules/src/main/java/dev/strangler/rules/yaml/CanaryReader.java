package dev.strangler.rules.yaml;

import dev.strangler.rules.http.HttpTokens;
import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.StickyKey;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a rule's {@code canary}: the percentage of users and what identifies a user. */
final class CanaryReader {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CanaryReader() {}

  static Canary read(Fields rule) {
    Fields canary = rule.fields("canary", true, Keys.CANARY);
    if (canary == null) {
      return null;
    }
    Integer basisPoints = basisPoints(canary);
    StickyKey stickyBy = stickyBy(canary);
    return basisPoints == null || stickyBy == null ? null : new Canary(basisPoints, stickyBy);
  }

  /** The scalar's text as a decimal, never a double: {@code 12.34} is exactly 1234. */
  private static Integer basisPoints(Fields canary) {
    ScalarNode node = canary.scalar("percent", true, "a number");
    if (node == null) {
      return null;
    }
    String text = node.getValue();
    String field = canary.child("percent");
    if (!DECIMAL.matcher(text).matches()) {
      canary
          .scope()
          .error(
              node,
              field,
              "must be a number between 0 and 100 with at most two decimals, but was "
                  + Scope.shown(text));
      return null;
    }
    BigDecimal percent = new BigDecimal(text);
    if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
      canary.scope().error(node, field, "must be between 0 and 100, but was " + text);
      return null;
    }
    if (percent.stripTrailingZeros().scale() > 2) {
      canary.scope().error(node, field, "must have at most two decimals, but was " + text);
      return null;
    }
    return percent.movePointRight(2).intValueExact();
  }

  private static StickyKey stickyBy(Fields canary) {
    ScalarNode node = canary.scalar("stickyBy", false, "a string");
    if (node == null) {
      return canary.has("stickyBy") ? null : new StickyKey.None();
    }
    String text = node.getValue();
    String field = canary.child("stickyBy");
    if (text.equals("none")) {
      return new StickyKey.None();
    }
    if (text.equals("client-ip")) {
      return new StickyKey.ClientIp();
    }
    if (text.startsWith("header:") || text.startsWith("cookie:")) {
      String kind = text.substring(0, text.indexOf(':'));
      String name = text.substring(kind.length() + 1);
      if (HttpTokens.isToken(name)) {
        return kind.equals("header") ? new StickyKey.Header(name) : new StickyKey.Cookie(name);
      }
      String example = kind.equals("header") ? "header:X-User-Id" : "cookie:session";
      canary
          .scope()
          .error(
              node,
              field,
              "must name a valid " + kind + ", like " + example + ", but was " + Scope.shown(text));
      return null;
    }
    canary
        .scope()
        .error(
            node,
            field,
            "must be header:NAME, cookie:NAME, client-ip or none, but was " + Scope.shown(text));
    return null;
  }
}
