package dev.strangler.proxy.budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much memory request bodies may take while the proxy holds them, under {@code
 * strangler.buffering.*} (docs/memory-budget.md).
 *
 * @param maxBytes the most bytes of Lambda events and replayable bodies held at once, over all
 *     requests, e.g. {@code 64MB}; unset: a quarter of the maximum heap
 */
@ConfigurationProperties("strangler.buffering")
public record BufferingProperties(DataSize maxBytes) {}
