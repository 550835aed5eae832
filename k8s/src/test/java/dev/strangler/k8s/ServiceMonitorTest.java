package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Prometheus Operator's ServiceMonitor stays out of every kustomization (a cluster without its
 * CRD would reject the whole apply), and scrapes the management Service when applied.
 */
class ServiceMonitorTest {

  private static final String FILE = "base/servicemonitor.yaml";

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void isInNoKustomization(String directory) {
    assertThat(Kustomize.render(directory).ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  void scrapesThePrometheusEndpointOfTheManagementService() throws IOException {
    List<Manifest> documents =
        Manifests.parse(FILE, Files.readString(Kustomize.K8S.resolve(FILE))).all();
    Manifest service =
        Kustomize.render(Kustomize.BASE).get("Service", "strangler-proxy-management");

    assertThat(documents).singleElement().extracting(Manifest::kind).isEqualTo("ServiceMonitor");
    Manifest monitor = documents.get(0);
    List<Object> endpoints = Tree.list(monitor.fields(), "spec", "endpoints");
    assertThat(endpoints).isNotEmpty();
    assertThat(
            Tree.selects(
                Tree.labels(monitor.fields(), "spec", "selector", "matchLabels"),
                Tree.labels(service.fields(), "metadata", "labels")))
        .as("the ServiceMonitor selects %s", service)
        .isTrue();
    assertThat(
            Tree.selects(
                Tree.labels(monitor.fields(), "spec", "selector", "matchLabels"),
                Tree.labels(
                    Kustomize.render(Kustomize.BASE).get("Service", "strangler-proxy").fields(),
                    "metadata",
                    "labels")))
        .as("the ServiceMonitor leaves the public Service alone")
        .isFalse();
    assertThat(endpoints)
        .allSatisfy(
            endpoint -> {
              assertThat(Tree.string(endpoint, "port")).isEqualTo("management");
              assertThat(Tree.string(endpoint, "path")).isEqualTo("/actuator/prometheus");
            });
  }
}
