package dev.strangler.functions.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.strangler.functions.runtime.testing.FixtureCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxClassLoaderTest {

  private static final String ENVIRONMENT_HANDLER =
      "dev.strangler.functions.fixture.EnvironmentHandler";

  @TempDir Path folder;

  private CodeArtifact code;
  private SandboxClassLoader loader;

  @BeforeEach
  void openFixtures() throws IOException {
    code = CodeArtifact.open(FixtureCode.jar(folder.resolve("fixtures.jar")));
    loader = new SandboxClassLoader("test-1", code);
  }

  @AfterEach
  void close() throws IOException {
    loader.close();
    code.close();
  }

  @Test
  void definesTheFunctionsClassesItself() throws Exception {
    Class<?> handler = loader.loadClass(ENVIRONMENT_HANDLER);

    assertThat(handler.getClassLoader()).isSameAs(loader);
    assertThat(handler).isNotSameAs(Class.forName(ENVIRONMENT_HANDLER));
  }

  @Test
  void sharesOnlyTheLambdaCoreInterfacesWithTheRuntime() throws Exception {
    assertThat(loader.loadClass(Context.class.getName())).isSameAs(Context.class);
    assertThat(loader.loadClass("java.util.List")).isSameAs(java.util.List.class);
    assertThatThrownBy(() -> loader.loadClass("tools.jackson.databind.json.JsonMapper"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () ->
                loader.loadClass(
                    "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void givesFunctionCodeItsOwnEnvironmentVariablesAndOutput() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    loader
        .loadClass(SandboxSystem.class.getName())
        .getMethod("install", Map.class, PrintStream.class, PrintStream.class)
        .invoke(null, Map.of("GREETING", "hej"), out, out);

    Object greeting =
        loader
            .loadClass(ENVIRONMENT_HANDLER)
            .getMethod("variable", String.class)
            .invoke(null, "GREETING");
    Object path =
        loader
            .loadClass(ENVIRONMENT_HANDLER)
            .getMethod("variable", String.class)
            .invoke(null, "PATH");
    loader.loadClass(ENVIRONMENT_HANDLER).getMethod("print", String.class).invoke(null, "hello");

    assertThat(greeting).isEqualTo("hej");
    assertThat(path).as("the runtime's own variables stay hidden").isNull();
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
  }
}
