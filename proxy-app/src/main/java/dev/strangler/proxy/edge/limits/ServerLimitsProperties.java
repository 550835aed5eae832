package dev.strangler.proxy.edge.limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the public port waits for slow or idle clients, and how many connections it holds
 * (docs/timeouts-and-limits.md). Each timeout is one no honest client reaches and that bounds what
 * a slow client can hold; the defaults follow nginx.
 *
 * @param headerReadTimeout the whole request head (request line and header fields) must arrive
 *     within this time of its first byte; bytes that trickle in do not extend it (nginx {@code
 *     client_header_timeout} 60s)
 * @param bodyReadTimeout the longest pause between two reads of a request body; a body may take any
 *     time as long as it keeps coming (nginx {@code client_body_timeout} 60s)
 * @param keepAliveTimeout how long a connection may sit idle between a response and the next
 *     request's first byte (nginx {@code keepalive_timeout} 75s, longer than the 60s idle timeout
 *     of the usual load balancers in front, so they, not the proxy, close first)
 * @param idleConnectionTimeout how long a new connection may wait before its first byte (nginx uses
 *     {@code client_header_timeout} for this)
 * @param maxConnections the most connections the public port holds at once; beyond it a new
 *     connection is answered 503 and closed. Lowered at start to what the process's file-descriptor
 *     limit allows, with a warning
 * @param maxConnectionsPerClient the most connections one client address may hold, so one client
 *     cannot take every slot; unset means a quarter of the effective {@code max-connections}.
 *     Addresses in {@code strangler.forwarding.trusted-proxies} (load balancers carrying many
 *     clients) are exempt
 */
@Validated
@ConfigurationProperties("strangler.server")
public record ServerLimitsProperties(
    @DefaultValue("60s")
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(hours = 1, message = "must be at most 1h")
        Duration headerReadTimeout,
    @DefaultValue("60s")
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(hours = 1, message = "must be at most 1h")
        Duration bodyReadTimeout,
    @DefaultValue("75s")
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(hours = 1, message = "must be at most 1h")
        Duration keepAliveTimeout,
    @DefaultValue("60s")
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(hours = 1, message = "must be at most 1h")
        Duration idleConnectionTimeout,
    @DefaultValue("10000")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000")
        int maxConnections,
    @Min(value = 1, message = "must be at least 1") Integer maxConnectionsPerClient) {

  /** The timeouts alone, as the connection handlers use them. */
  public Timeouts timeouts() {
    return new Timeouts(
        headerReadTimeout, bodyReadTimeout, keepAliveTimeout, idleConnectionTimeout);
  }

  /** The four timeouts of a connection, checked by the caller. */
  public record Timeouts(Duration header, Duration body, Duration keepAlive, Duration idleNew) {
    public Timeouts {
      java.util.Objects.requireNonNull(header, "header");
      java.util.Objects.requireNonNull(body, "body");
      java.util.Objects.requireNonNull(keepAlive, "keepAlive");
      java.util.Objects.requireNonNull(idleNew, "idleNew");
    }
  }
}
