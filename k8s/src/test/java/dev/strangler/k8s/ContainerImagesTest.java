package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The manifests run the images that the build makes (Jib, configured in the modules' poms). */
class ContainerImagesTest {

  private static final Map<String, String> MODULES =
      Map.of(
          "proxy-app", "strangler-proxy",
          "legacy-demo-monolith", "legacy-monolith",
          "functions/local-runtime", "local-lambda-runtime");

  @Test
  void demoRunsTheImagesTheBuildMakes() throws Exception {
    Manifests demo = Kustomize.render(Kustomize.DEMO);

    for (Map.Entry<String, String> module : MODULES.entrySet()) {
      String built = jibImage(module.getKey());
      assertThat(built).as("image of %s", module.getKey()).startsWith("strangler/");
      assertThat(
              new Workload(demo.get("Deployment", module.getValue()))
                  .containers().stream().map(Container::image))
          .as("images of %s", module.getValue())
          .containsExactly(built);
    }
  }

  @Test
  void productionRunsTheProxyImagePushedToARegistry() throws Exception {
    String built = jibImage("proxy-app");
    String deployed = Kustomize.render(Kustomize.PRODUCTION).proxyContainer().image();

    assertThat(deployed).endsWith("/" + built);
  }

  @Test
  void everyImageInTheManifestsIsOneTheBuildMakes() throws Exception {
    Set<String> built =
        MODULES.keySet().stream().map(ContainerImagesTest::jibImage).collect(Collectors.toSet());

    for (String directory : Kustomize.ALL) {
      assertThat(Kustomize.render(directory).workloads())
          .flatExtracting(Workload::containers)
          .extracting(Container::image)
          .allSatisfy(
              image -> assertThat(built).anySatisfy(name -> assertThat(image).endsWith(name)));
    }
  }

  /** {@code <to><image>} of the module's Jib configuration, with the project version filled in. */
  static String jibImage(String module) {
    try {
      Document pom = parse(Kustomize.PROJECT_ROOT.resolve(module).resolve("pom.xml"));
      String image =
          (String)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(
                      "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']"
                          + "/*[local-name()='configuration']/*[local-name()='to']"
                          + "/*[local-name()='image']",
                      pom,
                      XPathConstants.STRING);
      String version =
          (String)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(
                      "/*[local-name()='project']/*[local-name()='version']",
                      parse(Kustomize.PROJECT_ROOT.resolve("pom.xml")),
                      XPathConstants.STRING);
      assertThat(image).as("Jib's <to><image> in %s/pom.xml", module).isNotBlank();
      return image.trim().replace("${project.version}", version.trim());
    } catch (Exception e) {
      throw new AssertionError("cannot read the Jib image of " + module + ": " + e, e);
    }
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }
}
