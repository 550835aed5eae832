package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every container of every workload must have, in the base and in each overlay. */
class WorkloadHardeningTest {

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyContainerHasLivenessAndReadinessProbesOnItsOwnPorts(String directory) {
    SoftAssertions softly = new SoftAssertions();
    for (Workload workload : Kustomize.render(directory).workloads()) {
      for (Container container : workload.containers()) {
        for (String kind : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          Map<String, Object> probe = container.probe(kind);
          if (probe.isEmpty() && kind.equals("startupProbe")) {
            continue;
          }
          softly
              .assertThat(container.resolvePort(Container.probePort(probe)))
              .as("%s of %s in %s: port %s", kind, container, workload, Container.probePort(probe))
              .isNotNull();
        }
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void proxyProbesTheHealthGroupsOnTheManagementPort(String directory) {
    Container proxy = Kustomize.render(directory).proxyContainer();

    assertThat(proxy.ports()).containsEntry("management", 9901).containsEntry("http", 8080);
    Map<String, String> paths =
        Map.of(
            "startupProbe", "/actuator/health/liveness",
            "livenessProbe", "/actuator/health/liveness",
            "readinessProbe", "/actuator/health/readiness");
    paths.forEach(
        (kind, path) -> {
          Map<String, Object> probe = proxy.probe(kind);
          assertThat(Tree.string(probe, "httpGet", "path")).as(kind).isEqualTo(path);
          assertThat(proxy.resolvePort(Container.probePort(probe))).as(kind).isEqualTo(9901);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyContainerRequestsAndLimitsCpuAndMemory(String directory) {
    SoftAssertions softly = new SoftAssertions();
    for (Workload workload : Kustomize.render(directory).workloads()) {
      for (Container container : workload.containers()) {
        for (String kind : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            softly
                .assertThat(container.resource(kind, resource))
                .as("%s.%s of %s in %s", kind, resource, container, workload)
                .isNotBlank();
          }
        }
        // The JVM sizes its heap from the limit; a request below it could be overcommitted.
        softly
            .assertThat(container.resource("requests", "memory"))
            .as("memory request of %s in %s", container, workload)
            .isEqualTo(container.resource("limits", "memory"));
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutPrivileges(String directory) {
    SoftAssertions softly = new SoftAssertions();
    for (Workload workload : Kustomize.render(directory).workloads()) {
      Map<String, Object> pod = Tree.map(workload.podSpec(), "securityContext");
      for (Container container : workload.containers()) {
        Map<String, Object> own = container.securityContext();
        String where = container + " in " + workload;
        softly
            .assertThat(effective(own, pod, "runAsNonRoot"))
            .as("runAsNonRoot of %s", where)
            .isEqualTo(true);
        softly
            .assertThat(own.get("readOnlyRootFilesystem"))
            .as("readOnlyRootFilesystem of %s", where)
            .isEqualTo(true);
        softly
            .assertThat(own.get("allowPrivilegeEscalation"))
            .as("allowPrivilegeEscalation of %s", where)
            .isEqualTo(false);
        softly
            .assertThat(Tree.list(own, "capabilities", "drop"))
            .as("capabilities dropped by %s", where)
            .containsExactly("ALL");
        softly.assertThat(Tree.list(own, "capabilities", "add")).as("added by %s", where).isEmpty();
        softly
            .assertThat(Tree.string(effective(own, pod, "seccompProfile"), "type"))
            .as("seccomp profile of %s", where)
            .isEqualTo("RuntimeDefault");
        softly.assertThat(own.get("privileged")).as("privileged %s", where).isNotEqualTo(true);
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyReadOnlyContainerHasAWritableTmp(String directory) {
    SoftAssertions softly = new SoftAssertions();
    for (Workload workload : Kustomize.render(directory).workloads()) {
      for (Container container : workload.containers()) {
        String tmp =
            container.volumeMounts().stream()
                .filter(mount -> "/tmp".equals(Tree.string(mount, "mountPath")))
                .map(mount -> Tree.string(mount, "name"))
                .findFirst()
                .orElse(null);
        softly.assertThat(tmp).as("/tmp mount of %s in %s", container, workload).isNotNull();
        if (tmp != null) {
          softly
              .assertThat(workload.hasEmptyDirVolume(tmp))
              .as("volume %s of %s is an emptyDir", tmp, workload)
              .isTrue();
        }
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void noPodGetsServiceLinksOrAnApiToken(String directory) {
    // Service links put variables like SERVER_PORT=tcp://10.0.0.1:8081 (from a Service named
    // "server") into the environment, and Spring Boot reads those as its settings.
    SoftAssertions softly = new SoftAssertions();
    for (Workload workload : Kustomize.render(directory).workloads()) {
      softly
          .assertThat(workload.podSpec().get("enableServiceLinks"))
          .as("enableServiceLinks of %s", workload)
          .isEqualTo(false);
      softly
          .assertThat(workload.podSpec().get("automountServiceAccountToken"))
          .as("automountServiceAccountToken of %s", workload)
          .isEqualTo(false);
    }
    softly.assertAll();
  }

  private static Object effective(
      Map<String, Object> container, Map<String, Object> pod, String key) {
    return container.containsKey(key) ? container.get(key) : pod.get(key);
  }
}
