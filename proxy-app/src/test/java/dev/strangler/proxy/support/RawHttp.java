package dev.strangler.proxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately small HTTP/1.1 client over a plain socket, for requests that ordinary clients
 * refuse or rewrite: hop-by-hop headers, odd query strings, spoofed forwarding headers.
 */
public final class RawHttp {
  private RawHttp() {}

  /** One response: the status, the header lines as received, and the body bytes. */
  public record Response(int status, List<String[]> headers, byte[] body) {

    public List<String> values(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    public Optional<String> first(String name) {
      return values(name).stream().findFirst();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends {@code head} (request line and header lines, without the final blank line) and a body. A
   * {@code Connection: close} is not added: the response is read by its framing.
   */
  public static Response exchange(URI server, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream(), head.startsWith("HEAD "));
    }
  }

  public static Response get(URI server, String target, String... headerLines) throws IOException {
    StringBuilder head =
        new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort());
    for (String line : headerLines) {
      head.append("\r\n").append(line);
    }
    return exchange(server, head.toString(), new byte[0]);
  }

  /**
   * Reads one response to a request that was not HEAD, by its framing, from a connection the caller
   * keeps: the stream stays open for the next request on it.
   */
  public static Response read(InputStream in) throws IOException {
    return read(in, false);
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
    }
    Response partial = new Response(status, headers, new byte[0]);
    if (head || status == 204 || status == 304 || status / 100 == 1) {
      return partial;
    }
    Optional<String> length = partial.first("Content-Length");
    byte[] body;
    if (length.isPresent()) {
      body = in.readNBytes(Integer.parseInt(length.get()));
    } else if (partial
        .first("Transfer-Encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
        .orElse(false)) {
      body = readChunked(in);
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine(in).isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b == -1 && line.size() == 0) {
      throw new IOException("connection closed before a complete response");
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
