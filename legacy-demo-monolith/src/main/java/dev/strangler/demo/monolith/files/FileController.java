package dev.strangler.demo.monolith.files;

import dev.strangler.demo.monolith.error.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Large bodies in both directions, for the proxy's streaming tests. Both directions work on the
 * servlet streams directly: no message converter, and nothing bigger than one chunk in memory.
 * Writing on the request thread (rather than StreamingResponseBody) also avoids the async request
 * timeout, which would cut a slow multi-gigabyte download short.
 */
@RestController
@RequestMapping("/api/files")
class FileController {

  static final long MEBIBYTE = 1024L * 1024L;
  static final long MAX_MB = 2048;
  static final long MAX_BYTES = MAX_MB * MEBIBYTE;

  @GetMapping("/download")
  void download(
      @RequestParam(required = false) Long sizeMb,
      @RequestParam(required = false) Long sizeBytes,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    long length = requestedLength(sizeMb, sizeBytes);
    startDownload(response, length);
    response.setContentLengthLong(length);
    if (!isHead(request)) {
      PatternBytes.write(response.getOutputStream(), length);
    }
  }

  @GetMapping("/download-chunked")
  void downloadChunked(
      @RequestParam(required = false) Long sizeMb,
      @RequestParam(required = false) Long sizeBytes,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    long length = requestedLength(sizeMb, sizeBytes);
    startDownload(response, length);
    // Committing before any byte is written stops Tomcat from adding a Content-Length to a body
    // that fits its buffer, so this is chunked for every size.
    response.flushBuffer();
    if (!isHead(request)) {
      PatternBytes.write(response.getOutputStream(), length);
    }
  }

  @PostMapping("/upload")
  UploadResult upload(HttpServletRequest request) throws IOException {
    // Taking the raw request keeps Spring from reading the body into memory first.
    CRC32 crc = new CRC32();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        crc.update(buffer, 0, n);
        total += n;
      }
    }
    return new UploadResult(total, String.format("%08x", crc.getValue()));
  }

  private static void startDownload(HttpServletResponse response, long length) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pattern-" + length + ".bin\"");
  }

  private static long requestedLength(Long sizeMb, Long sizeBytes) {
    if ((sizeMb == null) == (sizeBytes == null)) {
      throw ApiProblem.badRequest(
          "Give exactly one of the query parameters 'sizeMb' or 'sizeBytes'.");
    }
    if (sizeMb != null) {
      if (sizeMb < 1 || sizeMb > MAX_MB) {
        throw ApiProblem.badRequest(
            "Query parameter 'sizeMb' must be between 1 and " + MAX_MB + ", was " + sizeMb + ".");
      }
      return sizeMb * MEBIBYTE;
    }
    if (sizeBytes < 0 || sizeBytes > MAX_BYTES) {
      throw ApiProblem.badRequest(
          "Query parameter 'sizeBytes' must be between 0 and "
              + MAX_BYTES
              + ", was "
              + sizeBytes
              + ".");
    }
    return sizeBytes;
  }

  private static boolean isHead(HttpServletRequest request) {
    return "HEAD".equals(request.getMethod());
  }
}
