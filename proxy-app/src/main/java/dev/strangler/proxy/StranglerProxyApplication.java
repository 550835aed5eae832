package dev.strangler.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The strangler-fig migration proxy: everything goes to the monolith unless a rule says so. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StranglerProxyApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(StranglerProxyApplication.class);
    // The gateway is reactive; never let a servlet container on the classpath change that.
    application.setWebApplicationType(WebApplicationType.REACTIVE);
    application.run(args);
  }
}
