package dev.strangler.functions.runtime.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one execution environment: the function's artifact on top of the JDK and
 * aws-lambda-java-core ({@link LambdaCoreClassLoader}); nothing of the runtime (its Jackson,
 * SnakeYAML, ...) is visible. Function classes pass through {@link SystemCallRewriter} on their way
 * in, and a private copy of {@link SandboxSystem} gives the environment its own variables and
 * output.
 */
final class SandboxClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String SANDBOX_SYSTEM = SandboxSystem.class.getName();

  private final String environmentId;
  private final CodeArtifact artifact;
  private final Map<URL, ProtectionDomain> domains = new ConcurrentHashMap<>();

  /**
   * The loader stays unnamed, as the Java runtime's is: a named one would prefix every stack frame
   * of the function with its name.
   */
  SandboxClassLoader(String environmentId, CodeArtifact artifact) {
    super(null, artifact.classPath(), LambdaCoreClassLoader.INSTANCE);
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.artifact = Objects.requireNonNull(artifact, "artifact");
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.equals(SANDBOX_SYSTEM) || name.startsWith(SANDBOX_SYSTEM + "$")) {
      return defineRuntimeCopy(name);
    }
    CodeArtifact.ClassFile file =
        artifact.readClass(name).orElseThrow(() -> new ClassNotFoundException(name));
    byte[] bytes = SystemCallRewriter.rewrite(file.bytes());
    definePackageOf(name, file);
    return defineClass(name, bytes, 0, bytes.length, domainOf(file.codeSource()));
  }

  private Class<?> defineRuntimeCopy(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = SandboxClassLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void definePackageOf(String className, CodeArtifact.ClassFile file) {
    int lastDot = className.lastIndexOf('.');
    if (lastDot < 0) {
      return;
    }
    String packageName = className.substring(0, lastDot);
    if (getDefinedPackage(packageName) != null) {
      return;
    }
    try {
      if (file.manifest() != null) {
        definePackage(packageName, file.manifest(), file.codeSource());
      } else {
        definePackage(packageName, null, null, null, null, null, null, null);
      }
    } catch (IllegalArgumentException definedMeanwhile) {
      // Another thread defined it first: the package exists, which is all we need.
    }
  }

  private ProtectionDomain domainOf(URL codeSource) {
    return domains.computeIfAbsent(
        codeSource,
        url -> new ProtectionDomain(new CodeSource(url, (CodeSigner[]) null), null, this, null));
  }

  @Override
  public String toString() {
    return "SandboxClassLoader[" + environmentId + "]";
  }
}
