package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;

/**
 * Writes one finished request as one line of text. The line never contains a line break or any
 * other character outside printable ASCII, whatever a client put into the request.
 */
interface AccessLogLine {

  String format(CompletedRequest request);

  static AccessLogLine of(AccessLogProperties.Format format) {
    return switch (format) {
      case JSON -> new JsonAccessLogLine();
      case TEXT -> new TextAccessLogLine();
    };
  }
}
