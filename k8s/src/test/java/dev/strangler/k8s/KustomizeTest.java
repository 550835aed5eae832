package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KustomizeTest {

  @Test
  void failsWithAHintWhenKubectlIsMissing() {
    assertThatThrownBy(
            () ->
                Kustomize.render(
                    "kubectl-that-does-not-exist", Kustomize.K8S.resolve(Kustomize.BASE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("kubectl-that-does-not-exist")
        .hasMessageContaining(".ci/run installs it");
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void rendersEveryKustomization(String directory) {
    Manifests manifests = Kustomize.render(directory);

    assertThat(manifests.all()).allSatisfy(m -> assertThat(m.kind()).isNotBlank());
    assertThat(manifests.proxy().containers()).extracting(Container::name).contains("proxy");
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.DEMO, Kustomize.PRODUCTION})
  void overlaysPutEverythingInTheirOwnNamespace(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    String namespace = manifests.ofKind("Namespace").get(0).name();

    assertThat(manifests.all())
        .filteredOn(manifest -> !manifest.kind().equals("Namespace"))
        .allSatisfy(
            manifest ->
                assertThat(manifest.string("metadata", "namespace"))
                    .as("namespace of %s", manifest)
                    .isEqualTo(namespace));
  }
}
