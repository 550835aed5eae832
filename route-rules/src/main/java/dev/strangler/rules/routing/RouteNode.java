package dev.strangler.rules.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One level of the segment trie: literal children by segment, one {@code {variable}} child, the
 * routes whose pattern ends here, and the routes whose pattern ends here in {@code /**}.
 */
final class RouteNode {

  /** Routes with more header conditions first, then those naming methods, then file order. */
  static final Comparator<CompiledRoute> PRECEDENCE =
      Comparator.comparingInt(CompiledRoute::headerCount)
          .reversed()
          .thenComparing(CompiledRoute::anyMethod)
          .thenComparingInt(route -> route.ruleIndex);

  private static final CompiledRoute[] NONE = new CompiledRoute[0];

  private final SegmentMap<RouteNode> literals;
  private final RouteNode variable;
  private final CompiledRoute[] exact;
  private final CompiledRoute[] rest;

  private RouteNode(
      SegmentMap<RouteNode> literals,
      RouteNode variable,
      CompiledRoute[] exact,
      CompiledRoute[] rest) {
    this.literals = literals;
    this.variable = variable;
    this.exact = exact;
    this.rest = rest;
  }

  /**
   * The route for the segments of {@code path} from {@code start} on, searching literal, then
   * variable, then {@code /**} children, backtracking when no route there admits the request.
   */
  CompiledRoute find(String path, int start, RequestKey request) {
    int end = path.indexOf('/', start);
    boolean last = end < 0;
    if (last) {
      end = path.length();
    }
    RouteNode literal = literals.get(path, start, end);
    if (literal != null) {
      CompiledRoute found =
          last ? literal.endingHere(request) : literal.find(path, end + 1, request);
      if (found != null) {
        return found;
      }
    }
    if (variable != null && end > start) {
      CompiledRoute found =
          last ? variable.endingHere(request) : variable.find(path, end + 1, request);
      if (found != null) {
        return found;
      }
    }
    return firstAdmitting(rest, request);
  }

  private CompiledRoute endingHere(RequestKey request) {
    CompiledRoute found = firstAdmitting(exact, request);
    return found != null ? found : firstAdmitting(rest, request);
  }

  private static CompiledRoute firstAdmitting(CompiledRoute[] routes, RequestKey request) {
    for (CompiledRoute route : routes) {
      if (route.admits(request)) {
        return route;
      }
    }
    return null;
  }

  /** Collects routes into a trie, then freezes it. */
  static final class Builder {

    private Map<String, Builder> literals = Map.of();
    private Builder variable;
    private List<CompiledRoute> exact = List.of();
    private List<CompiledRoute> rest = List.of();

    void add(CompiledRoute route) {
      Builder node = this;
      RoutePattern pattern = route.pattern;
      for (int i = 0; i < pattern.segmentCount(); i++) {
        node = node.child(pattern.literals()[i]);
      }
      if (pattern.wildcard()) {
        node.rest = appended(node.rest, route);
      } else {
        node.exact = appended(node.exact, route);
      }
    }

    private Builder child(String literal) {
      if (literal == null) {
        return variable == null ? (variable = new Builder()) : variable;
      }
      if (literals.isEmpty()) {
        literals = new HashMap<>(4);
      }
      return literals.computeIfAbsent(literal, key -> new Builder());
    }

    /** Most nodes hold one route: lists are made only when a second one comes. */
    private static List<CompiledRoute> appended(List<CompiledRoute> routes, CompiledRoute route) {
      if (routes.isEmpty()) {
        return List.of(route);
      }
      List<CompiledRoute> more = new ArrayList<>(routes);
      more.add(route);
      return more;
    }

    /** Visits every group of routes of the same shape (same node, same ending). */
    void forEachShape(Consumer<List<CompiledRoute>> visitor) {
      if (exact.size() > 1) {
        visitor.accept(exact);
      }
      if (rest.size() > 1) {
        visitor.accept(rest);
      }
      literals.values().forEach(child -> child.forEachShape(visitor));
      if (variable != null) {
        variable.forEachShape(visitor);
      }
    }

    RouteNode build() {
      return new RouteNode(
          SegmentMap.of(literals, Builder::build),
          variable == null ? null : variable.build(),
          sorted(exact),
          sorted(rest));
    }

    private static CompiledRoute[] sorted(List<CompiledRoute> routes) {
      if (routes.isEmpty()) {
        return NONE;
      }
      CompiledRoute[] array = routes.toArray(NONE);
      Arrays.sort(array, PRECEDENCE);
      return array;
    }
  }
}
