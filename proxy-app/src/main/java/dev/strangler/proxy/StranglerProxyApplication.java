package dev.strangler.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;

/**
 * The strangler-fig migration proxy: everything goes to the monolith unless a rule says so.
 *
 * <p>Boot's reactive security auto-configuration is off: it would guard the public port too. The
 * admin package guards the management server alone.
 */
@SpringBootApplication(
    exclude = {
      ReactiveWebSecurityAutoConfiguration.class,
      ReactiveUserDetailsServiceAutoConfiguration.class,
      ReactiveManagementWebSecurityAutoConfiguration.class
    })
@ConfigurationPropertiesScan
public class StranglerProxyApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(StranglerProxyApplication.class);
    // The gateway is reactive; never let a servlet container on the classpath change that.
    application.setWebApplicationType(WebApplicationType.REACTIVE);
    application.run(args);
  }
}
