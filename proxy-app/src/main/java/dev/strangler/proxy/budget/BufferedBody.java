package dev.strangler.proxy.budget;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into one heap array, the only copy the proxy keeps of it. Each network
 * buffer is copied as it arrives and released at once, so the body is never held twice. With a
 * declared length the array is allocated once at its final size (the caller reserved it before
 * reading); without one, each buffer's bytes are reserved as they arrive, and the whole body once
 * more for the moment it is put together.
 */
public final class BufferedBody {
  private BufferedBody() {}

  /** The budget had no room for the rest of a body that was already partly read. */
  public static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(long read) {
      super(
          "the memory budget for buffered bodies is used up after " + read + " bytes",
          null,
          false,
          false);
    }
  }

  /**
   * The body, or an empty array when there is none.
   *
   * @param declaredLength the request's Content-Length, already reserved in {@code hold}; or {@code
   *     -1}, and the bytes are reserved here as they arrive
   * @param maxBytes a longer body fails with {@link DataBufferLimitException}
   * @return fails with {@link BudgetExceeded} when an undeclared body does not fit
   */
  public static Mono<byte[]> read(
      Flux<DataBuffer> body, long declaredLength, int maxBytes, BodyBudget.Hold hold) {
    requireNonNull(body, "body");
    requireNonNull(hold, "hold");
    if (declaredLength > maxBytes) {
      return Mono.error(new DataBufferLimitException("Content-Length over " + maxBytes));
    }
    return declaredLength >= 0
        ? readDeclared(body, (int) declaredLength)
        : readUndeclared(body, maxBytes, hold);
  }

  private static Mono<byte[]> readDeclared(Flux<DataBuffer> body, int length) {
    return Mono.defer(
        () -> {
          Declared into = new Declared(new byte[length]);
          return body.doOnNext(into::append).then(Mono.fromCallable(into::body));
        });
  }

  private static Mono<byte[]> readUndeclared(
      Flux<DataBuffer> body, int maxBytes, BodyBudget.Hold hold) {
    return Mono.defer(
        () -> {
          Undeclared into = new Undeclared(maxBytes, hold);
          return body.doOnNext(into::append).then(Mono.fromCallable(into::body));
        });
  }

  /** A body of known length, copied straight into its final array. */
  private static final class Declared {
    private final byte[] body;
    private int filled;

    Declared(byte[] body) {
      this.body = body;
    }

    void append(DataBuffer buffer) {
      try {
        int count = buffer.readableByteCount();
        if (count > body.length - filled) {
          throw new DataBufferLimitException(
              "the body is longer than its Content-Length of " + body.length);
        }
        buffer.read(body, filled, count);
        filled += count;
      } finally {
        DataBufferUtils.release(buffer);
      }
    }

    byte[] body() {
      // A shorter body means the client went away; the server fails the request before this.
      return filled == body.length ? body : java.util.Arrays.copyOf(body, filled);
    }
  }

  /** A body of unknown length (chunked), kept as the chunks that came, then joined once. */
  private static final class Undeclared {
    private final int maxBytes;
    private final BodyBudget.Hold hold;
    private final List<byte[]> chunks = new ArrayList<>();
    private long read;

    Undeclared(int maxBytes, BodyBudget.Hold hold) {
      this.maxBytes = maxBytes;
      this.hold = hold;
    }

    void append(DataBuffer buffer) {
      try {
        int count = buffer.readableByteCount();
        if (read + count > maxBytes) {
          throw new DataBufferLimitException("the body is longer than " + maxBytes + " bytes");
        }
        if (!hold.tryGrow(count)) {
          throw new BudgetExceeded(read);
        }
        byte[] chunk = new byte[count];
        buffer.read(chunk);
        chunks.add(chunk);
        read += count;
      } finally {
        DataBufferUtils.release(buffer);
      }
    }

    byte[] body() {
      if (chunks.size() == 1) {
        return chunks.get(0);
      }
      if (!hold.tryGrow(read)) {
        throw new BudgetExceeded(read);
      }
      byte[] body = new byte[(int) read];
      int at = 0;
      for (byte[] chunk : chunks) {
        System.arraycopy(chunk, 0, body, at, chunk.length);
        at += chunk.length;
      }
      chunks.clear();
      hold.release(read); // the chunks are garbage now; the joined body is what is held
      return body;
    }
  }
}
