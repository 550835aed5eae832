package dev.strangler.proxy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AccessLogConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AccessLogProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, AccessLogConfiguration.class);

  @Test
  void writesJsonLinesByDefault() {
    context.run(
        started ->
            assertThat(started.getBean(AccessLogObserver.class))
                .hasToString("AccessLogObserver[json]"));
  }

  @Test
  void writesTextLinesWhenAsked() {
    context
        .withPropertyValues("strangler.access-log.format=text")
        .run(
            started ->
                assertThat(started.getBean(AccessLogObserver.class))
                    .hasToString("AccessLogObserver[text]"));
  }

  @Test
  void canBeSwitchedOff() {
    context
        .withPropertyValues("strangler.access-log.enabled=false")
        .run(started -> assertThat(started).doesNotHaveBean(AccessLogObserver.class));
  }

  @Test
  void refusesAnUnknownFormat() {
    context
        .withPropertyValues("strangler.access-log.format=xml")
        .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("xml"));
  }
}
