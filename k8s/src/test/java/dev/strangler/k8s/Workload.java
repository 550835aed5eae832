package dev.strangler.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A Deployment, StatefulSet or DaemonSet: its pod template and containers. */
record Workload(Manifest manifest) {

  static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  Workload {
    Objects.requireNonNull(manifest, "manifest");
  }

  String name() {
    return manifest.name();
  }

  Map<String, String> podLabels() {
    return Tree.labels(manifest.fields(), "spec", "template", "metadata", "labels");
  }

  Map<String, String> podAnnotations() {
    return Tree.labels(manifest.fields(), "spec", "template", "metadata", "annotations");
  }

  Map<String, Object> podSpec() {
    return manifest.map("spec", "template", "spec");
  }

  List<Container> containers() {
    return Tree.list(podSpec(), "containers").stream().map(Container::new).toList();
  }

  Container container(String name) {
    return containers().stream()
        .filter(container -> container.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(this + " has no container named " + name));
  }

  /** The ConfigMap behind a pod volume, or null. */
  String configMapOfVolume(String volume) {
    return Tree.list(podSpec(), "volumes").stream()
        .filter(entry -> volume.equals(Tree.string(entry, "name")))
        .map(entry -> Tree.string(entry, "configMap", "name"))
        .findFirst()
        .orElse(null);
  }

  boolean hasEmptyDirVolume(String volume) {
    return Tree.list(podSpec(), "volumes").stream()
        .anyMatch(
            entry ->
                volume.equals(Tree.string(entry, "name")) && Tree.at(entry, "emptyDir") != null);
  }

  @Override
  public String toString() {
    return manifest.toString();
  }
}
