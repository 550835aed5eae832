package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferCodingTest {

  /** Field lines are separated by {@code |}; an empty cell is no field at all. */
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "; ABSENT",
        "chunked; CHUNKED",
        "Chunked; CHUNKED",
        "CHUNKED; CHUNKED",
        "' chunked '; CHUNKED",
        "gzip, chunked; NOT_IMPLEMENTED",
        "gzip|chunked; NOT_IMPLEMENTED",
        "x-custom, chunked; NOT_IMPLEMENTED",
        "xchunked; FAULTY",
        "chunkedx; FAULTY",
        "\"chunked\"; FAULTY",
        "identity; FAULTY",
        "gzip; FAULTY",
        "chunked, chunked; FAULTY",
        "chunked|chunked; FAULTY",
        "chunked, identity; FAULTY",
        "chunked|identity; FAULTY",
        "chunked,; FAULTY",
        ", chunked; FAULTY",
        "'chunked;q=1'; FAULTY",
        "'chunked ;q=1'; FAULTY",
        "''; FAULTY",
        "chu nked; FAULTY"
      })
  void judgesTheCodings(String lines, TransferCoding expected) {
    List<String> fieldLines = lines == null ? List.of() : Arrays.asList(lines.split("\\|", -1));

    assertThat(TransferCoding.of(fieldLines)).isEqualTo(expected);
  }
}
