package dev.strangler.functions.runtime.sandbox;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A function's code as Lambda unpacks it: one jar (typically shaded), or a folder laid out like a
 * Lambda zip (classes at the root, libraries in {@code lib/*.jar}). Each execution environment
 * opens its own, so that a rebuilt jar is picked up by the next cold start.
 */
public final class CodeArtifact implements Closeable {

  /** The bytes of one class and where they came from. */
  public record ClassFile(byte[] bytes, URL codeSource, Manifest manifest) {}

  private sealed interface Root permits JarRoot, FolderRoot {}

  private record JarRoot(JarFile jar, URL url) implements Root {}

  private record FolderRoot(Path folder, URL url) implements Root {}

  private final Path location;
  private final List<Root> roots;

  private CodeArtifact(Path location, List<Root> roots) {
    this.location = location;
    this.roots = List.copyOf(roots);
  }

  /**
   * @throws IOException when the jar cannot be opened or the path does not exist
   */
  public static CodeArtifact open(Path location) throws IOException {
    Objects.requireNonNull(location, "location");
    if (Files.isDirectory(location)) {
      List<Root> roots = new ArrayList<>();
      roots.add(new FolderRoot(location, url(location)));
      Path lib = location.resolve("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
            roots.add(openJar(jar));
          }
        }
      }
      return new CodeArtifact(location, roots);
    }
    if (!Files.isRegularFile(location)) {
      throw new IOException("no jar or folder at " + location);
    }
    return new CodeArtifact(location, List.of(openJar(location)));
  }

  private static JarRoot openJar(Path jar) throws IOException {
    // Multi-release jars resolve to this JVM's version of each class, as the Java runtime's do.
    return new JarRoot(
        new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion()), url(jar));
  }

  public Path location() {
    return location;
  }

  /** The class path of the artifact, for resources such as {@code META-INF/services}. */
  public URL[] classPath() {
    return roots.stream()
        .map(root -> root instanceof JarRoot jar ? jar.url() : ((FolderRoot) root).url())
        .toArray(URL[]::new);
  }

  /** The first class file of that name on the artifact's class path. */
  public Optional<ClassFile> readClass(String binaryName) {
    String entryName = binaryName.replace('.', '/') + ".class";
    try {
      for (Root root : roots) {
        if (root instanceof JarRoot jar) {
          JarEntry entry = jar.jar().getJarEntry(entryName);
          if (entry != null) {
            try (InputStream in = jar.jar().getInputStream(entry)) {
              return Optional.of(
                  new ClassFile(in.readAllBytes(), jar.url(), jar.jar().getManifest()));
            }
          }
        } else if (root instanceof FolderRoot folder) {
          Path file = folder.folder().resolve(entryName);
          if (Files.isRegularFile(file)) {
            return Optional.of(new ClassFile(Files.readAllBytes(file), folder.url(), null));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + entryName + " from " + location, e);
    }
  }

  @Override
  public void close() {
    for (Root root : roots) {
      if (root instanceof JarRoot jar) {
        try {
          jar.jar().close();
        } catch (IOException ignored) {
          // Closing a read-only jar cannot lose anything.
        }
      }
    }
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  @Override
  public String toString() {
    return "CodeArtifact[" + location + "]";
  }
}
