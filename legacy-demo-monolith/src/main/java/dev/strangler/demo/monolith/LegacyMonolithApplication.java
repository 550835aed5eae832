package dev.strangler.demo.monolith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The "legacy" shop that the strangler-fig proxy sits in front of. */
@SpringBootApplication
public class LegacyMonolithApplication {

  public static void main(String[] args) {
    SpringApplication.run(LegacyMonolithApplication.class, args);
  }
}
