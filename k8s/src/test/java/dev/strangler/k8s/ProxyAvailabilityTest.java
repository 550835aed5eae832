package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy stays up through rollouts, node drains and scaling, and drains before it stops. */
class ProxyAvailabilityTest {

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void proxyRunsAtLeastTwoReplicas(String directory) {
    Manifests manifests = Kustomize.render(directory);
    Manifest deployment = manifests.get("Deployment", Manifests.PROXY);

    assertThat(number(deployment.at("spec", "replicas"))).isGreaterThanOrEqualTo(2);
    assertThat(deployment.string("spec", "strategy", "rollingUpdate", "maxUnavailable"))
        .isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void disruptionBudgetSelectsOnlyTheProxyPods(String directory) {
    Manifests manifests = Kustomize.render(directory);
    Manifest budget = manifests.get("PodDisruptionBudget", Manifests.PROXY);
    Map<String, String> selector = Tree.labels(budget.fields(), "spec", "selector", "matchLabels");

    assertThat(manifests.selectedBy(selector))
        .extracting(Workload::name)
        .containsExactly("strangler-proxy");
    assertThat(number(budget.at("spec", "maxUnavailable")))
        .isPositive()
        .isLessThan(number(manifests.get("Deployment", Manifests.PROXY).at("spec", "replicas")));
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void autoscalerScalesTheProxyDeploymentOnCpu(String directory) {
    Manifests manifests = Kustomize.render(directory);
    Manifest autoscaler = manifests.get("HorizontalPodAutoscaler", Manifests.PROXY);

    assertThat(autoscaler.string("apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(autoscaler.map("spec", "scaleTargetRef"))
        .containsEntry("apiVersion", "apps/v1")
        .containsEntry("kind", "Deployment")
        .containsEntry("name", Manifests.PROXY);
    assertThat(number(autoscaler.at("spec", "minReplicas")))
        .isGreaterThanOrEqualTo(2)
        .isEqualTo(number(manifests.get("Deployment", Manifests.PROXY).at("spec", "replicas")));
    assertThat(number(autoscaler.at("spec", "maxReplicas")))
        .isGreaterThan(number(autoscaler.at("spec", "minReplicas")));
    assertThat(Tree.list(autoscaler.fields(), "spec", "metrics"))
        .anySatisfy(
            metric -> {
              assertThat(Tree.string(metric, "resource", "name")).isEqualTo("cpu");
              assertThat(Tree.string(metric, "resource", "target", "type"))
                  .isEqualTo("Utilization");
            });
    // The HPA's utilization is of the request: without one it cannot scale.
    assertThat(manifests.proxyContainer().resource("requests", "cpu")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void preStopDelayAndDrainFitInTheGracePeriod(String directory) {
    Manifests manifests = Kustomize.render(directory);
    Workload proxy = manifests.proxy();
    Container container = manifests.proxyContainer();
    long grace = number(proxy.podSpec().get("terminationGracePeriodSeconds"));
    // The kubelet's own sleep: the image has no shell and no sleep binary for an exec hook.
    long preStop = number(Tree.at(container.fields(), "lifecycle", "preStop", "sleep", "seconds"));
    Duration drain = spring(container.env().get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));

    assertThat(Tree.at(container.fields(), "lifecycle", "preStop", "exec")).isNull();
    assertThat(container.env()).containsEntry("SERVER_SHUTDOWN", "graceful");
    // Longer than an ingress controller's endpoint update or a load balancer's deregistration.
    assertThat(preStop).isBetween(10L, grace - 1);
    assertThat(preStop + drain.toSeconds()).isLessThan(grace);
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void podsAskPrometheusToScrapeTheManagementPort(String directory) {
    Manifests manifests = Kustomize.render(directory);
    Map<String, String> annotations = manifests.proxy().podAnnotations();

    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/actuator/prometheus");
    assertThat(
            manifests
                .proxyContainer()
                .resolvePort(Integer.valueOf(annotations.get("prometheus.io/port"))))
        .isEqualTo(9901);
  }

  private static long number(Object value) {
    assertThat(value).isInstanceOf(Number.class);
    return ((Number) value).longValue();
  }

  /** Spring Boot's simple duration format: {@code 30s}, {@code 500ms}, {@code 1m}. */
  private static Duration spring(String value) {
    assertThat(value).as("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").matches("\\d+(ms|s|m)");
    long amount = Long.parseLong(value.replaceAll("\\D", ""));
    return value.endsWith("ms")
        ? Duration.ofMillis(amount)
        : value.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
  }
}
