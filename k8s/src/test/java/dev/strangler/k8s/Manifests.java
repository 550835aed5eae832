package dev.strangler.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Everything one kustomization renders, e.g. {@code kubectl kustomize k8s/overlays/demo}. */
record Manifests(String source, List<Manifest> all) {

  static final String PROXY = "strangler-proxy";
  static final String PROXY_CONTAINER = "proxy";

  Manifests {
    Objects.requireNonNull(source, "source");
    all = List.copyOf(all);
  }

  /** Parses multi-document YAML; empty documents are skipped. */
  @SuppressWarnings("unchecked")
  static Manifests parse(String source, String yaml) {
    Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Manifest> manifests =
        StreamSupport.stream(parser.loadAll(yaml).spliterator(), false)
            .filter(Map.class::isInstance)
            .map(document -> new Manifest((Map<String, Object>) document))
            .toList();
    return new Manifests(source, manifests);
  }

  List<Manifest> ofKind(String kind) {
    return all.stream().filter(manifest -> kind.equals(manifest.kind())).toList();
  }

  Optional<Manifest> find(String kind, String name) {
    return ofKind(kind).stream().filter(manifest -> name.equals(manifest.name())).findFirst();
  }

  Manifest get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError(source + " renders no " + kind + " " + name));
  }

  List<Workload> workloads() {
    return all.stream()
        .filter(manifest -> Workload.KINDS.contains(manifest.kind()))
        .map(Workload::new)
        .toList();
  }

  Workload proxy() {
    return new Workload(get("Deployment", PROXY));
  }

  Container proxyContainer() {
    return proxy().container(PROXY_CONTAINER);
  }

  /** The workloads whose pods carry every label of the selector. */
  List<Workload> selectedBy(Map<String, String> selector) {
    return workloads().stream()
        .filter(workload -> Tree.selects(selector, workload.podLabels()))
        .toList();
  }

  /** NetworkPolicies that apply to the pods of a workload. */
  List<Manifest> policiesFor(Workload workload) {
    return ofKind("NetworkPolicy").stream()
        .filter(
            policy ->
                Tree.selects(
                    Tree.labels(policy.fields(), "spec", "podSelector", "matchLabels"),
                    workload.podLabels()))
        .toList();
  }

  @Override
  public String toString() {
    return source;
  }
}
