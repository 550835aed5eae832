package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every STRANGLER_* variable the manifests set is a setting the proxy has, spelled as Spring reads
 * it.
 */
class ProxySettingsTest {

  private static final Pattern SETTING = Pattern.compile("`(strangler\\.[a-z.-]+)`");

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void everyStranglerVariableIsADocumentedSetting(String directory) throws IOException {
    Set<String> known = documentedSettingsAsVariables();
    SoftAssertions softly = new SoftAssertions();
    for (String name : Kustomize.render(directory).proxyContainer().env().keySet()) {
      if (name.startsWith("STRANGLER_")) {
        softly
            .assertThat(known)
            .as("%s is not the variable of a setting in README.md's table", name)
            .contains(name);
      }
    }
    softly.assertAll();
  }

  /**
   * The canonical environment form of each {@code strangler.*} setting in README.md: upper case,
   * dots to underscores, dashes dropped ({@code strangler.canary.override-header} is {@code
   * STRANGLER_CANARY_OVERRIDEHEADER}).
   */
  static Set<String> documentedSettingsAsVariables() throws IOException {
    String readme = Files.readString(Kustomize.PROJECT_ROOT.resolve("README.md"));
    Matcher matcher = SETTING.matcher(readme);
    Set<String> settings = matcher.results().map(m -> m.group(1)).collect(Collectors.toSet());
    assertThat(settings).as("settings in README.md").contains("strangler.monolith.url");
    return settings.stream()
        .map(s -> s.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }
}
