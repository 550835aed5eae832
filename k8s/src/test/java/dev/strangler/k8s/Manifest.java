package dev.strangler.k8s;

import java.util.Map;
import java.util.Objects;

/** One object of a rendered kustomization, as parsed YAML. */
record Manifest(Map<String, Object> fields) {

  Manifest {
    Objects.requireNonNull(fields, "fields");
  }

  String kind() {
    return Tree.string(fields, "kind");
  }

  String name() {
    return Tree.string(fields, "metadata", "name");
  }

  Object at(String... path) {
    return Tree.at(fields, path);
  }

  Map<String, Object> map(String... path) {
    return Tree.map(fields, path);
  }

  String string(String... path) {
    return Tree.string(fields, path);
  }

  @Override
  public String toString() {
    return kind() + "/" + name();
  }
}
