package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production runs the proxy alone, in front of a monolith elsewhere, invoking real Lambda. */
class ProductionOverlayTest {

  private final Manifests production = Kustomize.render(Kustomize.PRODUCTION);

  @Test
  void runsNoMonolithAndNoLocalRuntime() {
    assertThat(production.workloads()).extracting(Workload::name).containsExactly(Manifests.PROXY);
    assertThat(production.ofKind("Service"))
        .extracting(Manifest::name)
        .containsExactlyInAnyOrder("strangler-proxy", "strangler-proxy-management");
  }

  @Test
  void demoRunsTheMonolithAndTheLocalRuntimeBesideTheProxy() {
    assertThat(Kustomize.render(Kustomize.DEMO).workloads())
        .extracting(Workload::name)
        .containsExactlyInAnyOrder(Manifests.PROXY, "legacy-monolith", "local-lambda-runtime");
  }

  @Test
  void monolithUrlIsAnOriginSetting() {
    String url = production.proxyContainer().env().get("STRANGLER_MONOLITH_URL");

    assertThat(url).isNotBlank();
    URI origin = URI.create(url);
    assertThat(origin.getScheme()).isIn("http", "https");
    assertThat(origin.getHost()).isNotBlank();
    assertThat(origin.getRawPath()).isEmpty();
  }

  @Test
  void invokesAwsLambdaInTheGivenRegionWithTheServiceAccountsRole() {
    Map<String, String> env = production.proxyContainer().env();
    Workload proxy = production.proxy();
    Manifest account =
        production.get("ServiceAccount", Tree.string(proxy.podSpec(), "serviceAccountName"));

    assertThat(env)
        .doesNotContainKeys(
            "STRANGLER_LAMBDA_ENDPOINT",
            "STRANGLER_LAMBDA_CREDENTIALS",
            "STRANGLER_BACKENDHEADER",
            "STRANGLER_CANARY_OVERRIDEHEADER");
    assertThat(env.get("AWS_REGION")).matches("[a-z]{2}(-[a-z]+)+-\\d");
    assertThat(env).containsEntry("AWS_EC2_METADATA_DISABLED", "true");
    assertThat(account.map("metadata", "annotations").get("eks.amazonaws.com/role-arn"))
        .asString()
        .matches("arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+");
  }

  @Test
  void proxyImageComesFromARegistry() {
    assertThat(production.proxyContainer().image())
        .matches("[a-z0-9.-]+\\.[a-z]+(:\\d+)?/strangler/proxy-app:[\\w.-]+");
  }
}
