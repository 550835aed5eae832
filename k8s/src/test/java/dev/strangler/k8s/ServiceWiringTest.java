package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Service reaches pods, on ports those pods have. */
class ServiceWiringTest {

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyServiceSelectsThePodsOfAWorkload(String directory) {
    Manifests manifests = Kustomize.render(directory);
    SoftAssertions softly = new SoftAssertions();
    for (Manifest service : manifests.ofKind("Service")) {
      softly
          .assertThat(manifests.selectedBy(Tree.labels(service.fields(), "spec", "selector")))
          .as("workloads selected by %s", service)
          .isNotEmpty();
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyServiceTargetPortIsAPortOfTheSelectedPods(String directory) {
    Manifests manifests = Kustomize.render(directory);
    SoftAssertions softly = new SoftAssertions();
    for (Manifest service : manifests.ofKind("Service")) {
      List<Workload> selected =
          manifests.selectedBy(Tree.labels(service.fields(), "spec", "selector"));
      for (Object port : Tree.list(service.fields(), "spec", "ports")) {
        Object target = Tree.at(port, "targetPort");
        Object wanted = target == null ? Tree.at(port, "port") : target;
        for (Workload workload : selected) {
          softly
              .assertThat(
                  workload.containers().stream().anyMatch(c -> c.resolvePort(wanted) != null))
              .as("%s targets port %s, which %s's containers lack", service, wanted, workload)
              .isTrue();
        }
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void publicAndManagementPortsHaveServicesOfTheirOwn(String directory) {
    Manifests manifests = Kustomize.render(directory);

    assertThat(ports(manifests.get("Service", "strangler-proxy")))
        .containsExactly(Map.entry(8080, "http"));
    assertThat(ports(manifests.get("Service", "strangler-proxy-management")))
        .containsExactly(Map.entry(9901, "management"));
  }

  private static List<Map.Entry<Integer, String>> ports(Manifest service) {
    return Tree.list(service.fields(), "spec", "ports").stream()
        .map(
            port ->
                Map.entry(
                    ((Number) Tree.at(port, "port")).intValue(),
                    String.valueOf(Tree.at(port, "targetPort"))))
        .toList();
  }
}
