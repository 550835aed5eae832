package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.yaml.RuleSetLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The route file reaches the proxy as a hot-reloadable file, and is one the proxy accepts. */
class RouteFileTest {

  static final String CONFIG_MAP = "strangler-routes";

  /** The route file the proxy is told to read: the ConfigMap, the key and the mount behind it. */
  record MountedRouteFile(String configMap, String key, String mountPath, String content) {

    static MountedRouteFile of(Manifests manifests) {
      Workload proxy = manifests.proxy();
      Container container = manifests.proxyContainer();
      String file = container.env().get("STRANGLER_RULES_FILE");
      assertThat(file).as("STRANGLER_RULES_FILE of the proxy in %s", manifests).isNotBlank();
      for (Object mount : container.volumeMounts()) {
        String path = Tree.string(mount, "mountPath");
        String configMap = proxy.configMapOfVolume(Tree.string(mount, "name"));
        if (configMap == null || !file.startsWith(path + "/")) {
          continue;
        }
        // A subPath mount never sees ConfigMap updates: the route file would never reload.
        assertThat(Tree.at(mount, "subPath")).as("subPath of the route file's mount").isNull();
        String key = file.substring(path.length() + 1);
        Map<String, Object> data = manifests.get("ConfigMap", configMap).map("data");
        assertThat(data)
            .as("keys of ConfigMap %s, which STRANGLER_RULES_FILE=%s names", configMap, file)
            .containsKey(key);
        return new MountedRouteFile(configMap, key, path, String.valueOf(data.get(key)));
      }
      throw new AssertionError(
          "STRANGLER_RULES_FILE=" + file + " is not in any ConfigMap mounted in " + manifests);
    }

    RuleSet rules() {
      try {
        return RuleSetLoader.parse(content, key);
      } catch (RuleSetException e) {
        return fail("the route file in ConfigMap " + configMap + " is invalid:\n" + e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void rulesFileSettingNamesAKeyOfTheMountedConfigMap(String directory) {
    MountedRouteFile routes = MountedRouteFile.of(Kustomize.render(directory));

    assertThat(routes.mountPath()).isEqualTo("/etc/strangler/rules");
    assertThat(routes.key()).isEqualTo("routes.yaml");
    // One name for good, so that an edit updates the mounted file instead of rolling the pods.
    assertThat(routes.configMap()).isEqualTo(CONFIG_MAP);
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void routeFileInTheConfigMapIsValid(String directory) {
    RuleSet rules = MountedRouteFile.of(Kustomize.render(directory)).rules();

    assertThat(rules.routes()).isNotEmpty();
  }

  @Test
  void demoRunsTheRulesOfDemoSh() {
    RuleSet kubernetes = MountedRouteFile.of(Kustomize.render(Kustomize.DEMO)).rules();
    RuleSet local =
        RuleSetLoader.load(
            Kustomize.PROJECT_ROOT.resolve(
                Path.of("route-rules/src/main/resources/demo/routes.yaml")));

    assertThat(withoutPositions(kubernetes)).isEqualTo(withoutPositions(local));
  }

  private static List<List<Object>> withoutPositions(RuleSet rules) {
    return rules.routes().stream()
        .map(
            (RouteRule rule) ->
                List.<Object>of(
                    rule.id(), rule.match(), rule.lambda(), rule.canary(), rule.fallback()))
        .toList();
  }
}
