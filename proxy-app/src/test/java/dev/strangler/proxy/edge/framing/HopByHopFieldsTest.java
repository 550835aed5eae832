package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopByHopFieldsTest {

  @Test
  void dropsTheStandardFieldsWhateverTheirCase() {
    HopByHopFields fields = HopByHopFields.of(List.of());

    assertThat(fields.drops("connection")).isTrue();
    assertThat(fields.drops("Keep-Alive")).isTrue();
    assertThat(fields.drops("TRANSFER-ENCODING")).isTrue();
    assertThat(fields.drops("Proxy-Authorization")).isTrue();
    assertThat(fields.drops("Authorization")).isFalse();
  }

  @Test
  void dropsWhatTheConnectionHeaderNames() {
    HopByHopFields fields =
        HopByHopFields.of(List.of("keep-alive, X-Hop-Secret", " x-other ,", "close"));

    assertThat(fields.drops("x-hop-secret")).isTrue();
    assertThat(fields.drops("X-Other")).isTrue();
    assertThat(fields.drops("X-End-To-End")).isFalse();
  }
}
