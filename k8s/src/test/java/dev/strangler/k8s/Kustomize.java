package dev.strangler.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders the kustomizations under {@code k8s/} with {@code kubectl kustomize}, as {@code kubectl
 * apply -k} would, once per test run.
 */
final class Kustomize {

  static final Path K8S = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
  static final Path PROJECT_ROOT =
      Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  static final String BASE = "base";
  static final String DEMO = "overlays/demo";
  static final String PRODUCTION = "overlays/production";
  static final List<String> ALL = List.of(BASE, DEMO, PRODUCTION);
  static final List<String> OVERLAYS = List.of(DEMO, PRODUCTION);

  private static final long TIMEOUT_SECONDS = 120;
  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  private Kustomize() {}

  /** The rendered kustomization in {@code k8s/<directory>}, e.g. {@code overlays/demo}. */
  static Manifests render(String directory) {
    return RENDERED.computeIfAbsent(
        directory, dir -> render(System.getProperty("kubectl", "kubectl"), K8S.resolve(dir)));
  }

  static Manifests render(String kubectl, Path directory) {
    try {
      Path out = Files.createTempFile("kustomize", ".yaml");
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process process;
        try {
          process =
              new ProcessBuilder(kubectl, "kustomize", directory.toString())
                  .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                  .redirectOutput(out.toFile())
                  .redirectError(err.toFile())
                  .start();
        } catch (IOException e) {
          throw new AssertionError(
              "cannot run '"
                  + kubectl
                  + "' ("
                  + e.getMessage()
                  + "): the k8s-manifests tests render the manifests with `kubectl kustomize`,"
                  + " so they need kubectl 1.20 or later on the PATH. .ci/run installs it"
                  + " (apt-get install kubernetes-client); or name one with -Dkubectl=PATH.",
              e);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(
              kubectl + " kustomize " + directory + " took over " + TIMEOUT_SECONDS + " s");
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(
              kubectl
                  + " kustomize "
                  + directory
                  + " exited "
                  + process.exitValue()
                  + ":\n"
                  + errors);
        }
        String source = K8S.relativize(directory.toAbsolutePath().normalize()).toString();
        return Manifests.parse(
            source.isEmpty() ? directory.toString() : "k8s/" + source,
            Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot render " + directory + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while rendering " + directory, e);
    }
  }
}
