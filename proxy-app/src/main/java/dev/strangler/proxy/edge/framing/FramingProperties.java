package dev.strangler.proxy.edge.framing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request framing checks ({@code docs/request-framing.md}). The request line and
 * header size limits are Boot's own: {@code server.netty.max-initial-line-length} and {@code
 * server.max-http-request-header-size}.
 *
 * @param underscoresInHeaders keep header names that contain {@code _}; off by default, as in nginx
 *     ({@code underscores_in_headers off}), so that {@code X_Forwarded_For} cannot pass for {@code
 *     X-Forwarded-For} in an application that maps both to one name
 */
@ConfigurationProperties("strangler.server.framing")
public record FramingProperties(@DefaultValue("false") boolean underscoresInHeaders) {}
