package dev.strangler.proxy.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a user configures under {@code strangler.*}.
 *
 * @param monolith the application the proxy stands in front of
 * @param forwarding how the proxy tells the monolith who the client is
 * @param rules the route rules file that moves endpoints to Lambda
 * @param canary canary settings shared by all rules
 * @param lambda how the proxy reaches AWS Lambda
 * @param backendHeader a response header naming the backend that served each request and why, e.g.
 *     {@code X-Strangler-Backend}; off when empty (the default), as it reveals the split
 */
@Validated
@ConfigurationProperties("strangler")
public record StranglerProperties(
    @Valid @DefaultValue Monolith monolith,
    @Valid @DefaultValue Forwarding forwarding,
    @Valid @DefaultValue Rules rules,
    @Valid @DefaultValue Canary canary,
    @Valid @DefaultValue Lambda lambda,
    @Pattern(regexp = "^$|^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", message = "must be an HTTP header name")
        String backendHeader) {

  /**
   * The legacy application.
   *
   * @param url base URL of the monolith, e.g. {@code http://127.0.0.1:8081}; every request that no
   *     rule claims is sent there with its path and query unchanged
   */
  public record Monolith(
      @NotNull(message = "is required, e.g. http://127.0.0.1:8081") @HttpOrigin URI url) {}

  /**
   * Forwarding headers ({@code X-Forwarded-*} and {@code Forwarded}).
   *
   * @param trustedProxies addresses or CIDR ranges of proxies in front of this one (load balancers,
   *     ingress); forwarding headers that arrive from anyone else are discarded and replaced
   */
  public record Forwarding(@DefaultValue List<@IpRange String> trustedProxies) {
    public Forwarding {
      trustedProxies = List.copyOf(trustedProxies);
    }
  }

  /**
   * The route rules file.
   *
   * @param file path of the YAML rules file; without one every request goes to the monolith
   * @param pollInterval how often the file is checked for changes; a change applies once two checks
   *     in a row read the same content, so a half-written file is never loaded
   */
  public record Rules(
      Path file,
      @DefaultValue("250ms")
          @DurationMin(millis = 10, message = "must be at least 10ms")
          @DurationMax(seconds = 1, message = "must be at most 1s, so a change applies within 2s")
          Duration pollInterval) {}

  /**
   * Canary settings.
   *
   * @param overrideHeader a request header with which testers force a backend for one request
   *     ({@code lambda} or {@code monolith}); off when empty, and best left off in production
   */
  public record Canary(
      @Pattern(regexp = "^$|^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", message = "must be an HTTP header name")
          String overrideHeader) {}

  /**
   * The Lambda client. Region and credentials come from the AWS SDK's standard chains unless set.
   *
   * @param endpoint overrides the Lambda endpoint: LocalStack, {@code sam local start-lambda} or
   *     the project's local runtime, e.g. {@code http://127.0.0.1:3001}
   * @param region AWS region, e.g. {@code eu-west-1}; default from the SDK's region chain, or
   *     {@code us-east-1} when an endpoint is set and the chain finds none
   * @param credentials {@code default} (the SDK's chain: environment, profile, web identity,
   *     instance role) or {@code anonymous} (unsigned requests, for local runtimes)
   * @param maxConnections the most concurrent invocations the client keeps open
   * @param connectTimeout how long to wait for a connection to the Lambda endpoint
   * @param accountId {@code requestContext.accountId} in the events the functions receive
   * @param apiId {@code requestContext.apiId} in the events the functions receive
   */
  public record Lambda(
      @HttpOrigin URI endpoint,
      String region,
      @DefaultValue("default") Credentials credentials,
      @DefaultValue("256") @jakarta.validation.constraints.Min(1) int maxConnections,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("000000000000") String accountId,
      @DefaultValue("strangler") String apiId) {

    /** Where the client's credentials come from. */
    public enum Credentials {
      DEFAULT,
      ANONYMOUS
    }
  }
}
