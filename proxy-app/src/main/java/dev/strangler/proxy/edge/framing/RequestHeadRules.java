package dev.strangler.proxy.edge.framing;

import java.util.List;
import java.util.function.Function;

/**
 * The framing rules for a request head that the HTTP decoder accepted (RFC 9112 §3.2, §6): one way
 * to find the body's end, and one well-formed origin. Pure, so that every case is a row in a table
 * test.
 */
public final class RequestHeadRules {

  private RequestHeadRules() {}

  /**
   * @param http10 whether the request line says {@code HTTP/1.0} (or older)
   * @param target the request target as received
   * @param fieldLines a request header's field lines by name, empty when absent
   * @return why the request is refused, or {@code null} when it is well framed
   */
  public static Rejection check(
      boolean http10, String target, Function<String, List<String>> fieldLines) {
    List<String> transferEncoding = fieldLines.apply("Transfer-Encoding");
    List<String> contentLength = fieldLines.apply("Content-Length");
    if (!transferEncoding.isEmpty()) {
      if (http10) {
        return Rejection.badRequest("Transfer-Encoding is not defined for HTTP/1.0");
      }
      if (!contentLength.isEmpty()) {
        return Rejection.badRequest("Transfer-Encoding and Content-Length together");
      }
      switch (TransferCoding.of(transferEncoding)) {
        case FAULTY -> {
          return Rejection.badRequest("Transfer-Encoding must be exactly one final 'chunked'");
        }
        case NOT_IMPLEMENTED -> {
          return new Rejection(
              501,
              "Transfer coding not implemented",
              "only 'chunked' is supported as a request's transfer coding");
        }
        default -> {
          // CHUNKED
        }
      }
    }
    if (!ContentLength.isValid(contentLength)) {
      return Rejection.badRequest("Content-Length must be one field of digits only");
    }
    List<String> host = fieldLines.apply("Host");
    if (host.size() > 1) {
      return Rejection.badRequest("more than one Host");
    }
    if (host.isEmpty() && !http10) {
      return Rejection.badRequest("an HTTP/1.1 request needs a Host");
    }
    if (host.size() == 1 && !HostSyntax.isValid(host.get(0))) {
      return Rejection.badRequest("Host must be host[:port]");
    }
    String authority = absoluteFormAuthority(target);
    if (authority != null && !HostSyntax.isValid(authority)) {
      return Rejection.badRequest("the request target's authority must be host[:port]");
    }
    return null;
  }

  /**
   * The authority of an absolute-form target ({@code http://host:port/path}), which RFC 9112 §3.2.2
   * puts in place of the {@code Host}; {@code null} for any other form.
   */
  public static String absoluteFormAuthority(String target) {
    int start;
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      start = 7;
    } else if (target.regionMatches(true, 0, "https://", 0, 8)) {
      start = 8;
    } else {
      return null;
    }
    int end = start;
    while (end < target.length()) {
      char c = target.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      end++;
    }
    return target.substring(start, end);
  }
}
