package dev.strangler.functions.runtime.testing;

import dev.strangler.functions.fixture.EchoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The fixture handlers as deployment packages: a jar, or a folder laid out like an unpacked Lambda
 * zip. Only the fixture package goes in, so the runtime can load nothing else from them.
 */
public final class FixtureCode {

  private static final String PACKAGE_FOLDER = "dev/strangler/functions/fixture";

  private FixtureCode() {}

  public static Path jar(Path target) {
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(file)) {
      for (Path classFile : classFiles()) {
        jar.putNextEntry(new JarEntry(PACKAGE_FOLDER + "/" + classFile.getFileName()));
        jar.write(Files.readAllBytes(classFile));
        jar.closeEntry();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path folder(Path target) {
    try {
      Path packageFolder = Files.createDirectories(target.resolve(PACKAGE_FOLDER));
      for (Path classFile : classFiles()) {
        Files.copy(classFile, packageFolder.resolve(classFile.getFileName().toString()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> classFiles() throws IOException {
    Path testClasses;
    try {
      testClasses =
          Path.of(EchoHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(testClasses.resolve(PACKAGE_FOLDER))) {
      return files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
    }
  }
}
