package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only the ingress controller reaches the proxy's public port and only monitoring its actuator; the
 * proxy reaches DNS, HTTPS (Lambda, STS) and the backends it is configured with.
 */
class NetworkPolicyTest {

  static final String INGRESS_NAMESPACE = "ingress-nginx";
  static final String MONITORING_NAMESPACE = "monitoring";

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void onlyTheIngressControllerReachesThePublicPort(String directory) {
    assertPortOpenOnlyToNamespace(Kustomize.render(directory), 8080, INGRESS_NAMESPACE);
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void onlyMonitoringReachesTheManagementPort(String directory) {
    assertPortOpenOnlyToNamespace(Kustomize.render(directory), 9901, MONITORING_NAMESPACE);
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void proxyReachesDnsAndHttpsButNotInstanceMetadata(String directory) {
    List<Object> egress = rules(Kustomize.render(directory), "egress");

    assertThat(egress)
        .as("a rule for DNS over UDP")
        .anyMatch(
            rule ->
                allows(rule, "UDP", 53)
                    && peers(rule).stream()
                        .anyMatch(
                            peer ->
                                "kube-dns"
                                    .equals(
                                        Tree.string(
                                            peer, "podSelector", "matchLabels", "k8s-app"))));
    assertThat(egress)
        .as("a rule for HTTPS anywhere but the instance metadata address")
        .anyMatch(
            rule ->
                allows(rule, "TCP", 443)
                    && peers(rule).stream()
                        .anyMatch(
                            peer ->
                                "0.0.0.0/0".equals(Tree.string(peer, "ipBlock", "cidr"))
                                    && Tree.list(peer, "ipBlock", "except")
                                        .contains("169.254.169.254/32")));
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.DEMO, Kustomize.PRODUCTION})
  void proxyReachesTheBackendsItIsConfiguredWith(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    Map<String, String> env = manifests.proxyContainer().env();
    List<Object> egress = rules(manifests, "egress");

    for (String setting : List.of("STRANGLER_MONOLITH_URL", "STRANGLER_LAMBDA_ENDPOINT")) {
      if (env.get(setting) == null) {
        continue;
      }
      URI url = URI.create(env.get(setting));
      int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
      var service = manifests.find("Service", url.getHost());
      if (service.isEmpty()) {
        assertThat(egress)
            .as("an egress rule for %s=%s (port %d)", setting, url, port)
            .anyMatch(rule -> allows(rule, "TCP", port));
        continue;
      }
      // A Service in the overlay: the policy must name its pods and their port (policies see
      // pod ports, not Service ports).
      Map<String, String> selector = Tree.labels(service.get().fields(), "spec", "selector");
      Object target =
          Tree.list(service.get().fields(), "spec", "ports").stream()
              .filter(p -> ((Number) Tree.at(p, "port")).intValue() == port)
              .map(p -> Tree.at(p, "targetPort"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(service.get() + " has no port " + port));
      for (Workload backend : manifests.selectedBy(selector)) {
        int podPort =
            backend.containers().stream()
                .map(c -> c.resolvePort(target))
                .filter(p -> p != null)
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            backend + " has no port " + target + " for " + service.get()));
        assertThat(egress)
            .as("an egress rule to the pods of %s on port %d, for %s", backend, podPort, setting)
            .anyMatch(
                rule ->
                    allows(rule, "TCP", podPort)
                        && peers(rule).stream()
                            .anyMatch(
                                peer ->
                                    Tree.selects(
                                        Tree.labels(peer, "podSelector", "matchLabels"),
                                        backend.podLabels())));
      }
    }
  }

  private static void assertPortOpenOnlyToNamespace(
      Manifests manifests, int port, String namespace) {
    List<Object> ingress = rules(manifests, "ingress");
    List<Object> opening = ingress.stream().filter(rule -> allows(rule, "TCP", port)).toList();
    Predicate<Object> fromNamespaceOnly =
        peer ->
            Tree.at(peer, "ipBlock") == null
                && Tree.at(peer, "podSelector") == null
                && Map.of("kubernetes.io/metadata.name", namespace)
                    .equals(Tree.map(peer, "namespaceSelector", "matchLabels"));

    assertThat(policiesForProxy(manifests))
        .as("NetworkPolicies isolating the proxy's pods for ingress")
        .anyMatch(policy -> Tree.list(policy.fields(), "spec", "policyTypes").contains("Ingress"));
    assertThat(opening).as("ingress rules that open port %d", port).isNotEmpty();
    assertThat(opening)
        .allSatisfy(
            rule ->
                assertThat(peers(rule))
                    .as("peers allowed to port %d", port)
                    .isNotEmpty()
                    .allMatch(fromNamespaceOnly));
  }

  private static List<Manifest> policiesForProxy(Manifests manifests) {
    return manifests.policiesFor(manifests.proxy());
  }

  /** Every ingress or egress rule of the policies that apply to the proxy's pods. */
  private static List<Object> rules(Manifests manifests, String direction) {
    return policiesForProxy(manifests).stream()
        .flatMap(policy -> Tree.list(policy.fields(), "spec", direction).stream())
        .toList();
  }

  private static List<Object> peers(Object rule) {
    List<Object> from = Tree.list(rule, "from");
    return from.isEmpty() ? Tree.list(rule, "to") : from;
  }

  /** A rule without ports allows every port; names are not used for the proxy's own ports. */
  private static boolean allows(Object rule, String protocol, int port) {
    List<Object> ports = Tree.list(rule, "ports");
    return ports.isEmpty()
        || ports.stream()
            .anyMatch(
                entry -> {
                  String proto = Tree.string(entry, "protocol");
                  Object number = Tree.at(entry, "port");
                  Object end = Tree.at(entry, "endPort");
                  boolean protocolMatches = (proto == null ? "TCP" : proto).equals(protocol);
                  if (number == null) {
                    return protocolMatches;
                  }
                  if (!(number instanceof Number start)) {
                    return false;
                  }
                  int last = end instanceof Number n ? n.intValue() : start.intValue();
                  return protocolMatches && start.intValue() <= port && port <= last;
                });
  }
}
