package dev.strangler.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One container of a pod template. */
record Container(Object fields) {

  Container {
    Objects.requireNonNull(fields, "fields");
  }

  String name() {
    return Tree.string(fields, "name");
  }

  String image() {
    return Tree.string(fields, "image");
  }

  /** Port numbers by name; unnamed ports under their number. */
  Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object port : Tree.list(fields, "ports")) {
      int number = ((Number) Tree.at(port, "containerPort")).intValue();
      String name = Tree.string(port, "name");
      ports.put(name == null ? String.valueOf(number) : name, number);
    }
    return ports;
  }

  /**
   * The container port a probe, Service or policy names by number or by name, or null when the
   * container has no such port.
   */
  Integer resolvePort(Object port) {
    if (port instanceof Number number) {
      return ports().containsValue(number.intValue()) ? number.intValue() : null;
    }
    return port == null ? null : ports().get(port.toString());
  }

  Map<String, Object> probe(String kind) {
    return Tree.map(fields, kind);
  }

  /** The port an httpGet, tcpSocket or grpc probe checks. */
  static Object probePort(Map<String, Object> probe) {
    for (String action : List.of("httpGet", "tcpSocket", "grpc")) {
      Object port = Tree.at(probe, action, "port");
      if (port != null) {
        return port;
      }
    }
    return null;
  }

  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object variable : Tree.list(fields, "env")) {
      env.put(Tree.string(variable, "name"), Tree.string(variable, "value"));
    }
    return env;
  }

  Map<String, Object> securityContext() {
    return Tree.map(fields, "securityContext");
  }

  String resource(String kind, String name) {
    return Tree.string(fields, "resources", kind, name);
  }

  List<Object> volumeMounts() {
    return Tree.list(fields, "volumeMounts");
  }

  @Override
  public String toString() {
    return "container " + name();
  }
}
