package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmergencySwitchesTest {

  private final EmergencySwitches switches =
      new EmergencySwitches(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), 1);

  @Test
  void switchesOneRuleOrEveryRule() {
    switches.switchOn(1, "reads", "ops");

    assertThat(switches.isOn(1, "reads")).isTrue();
    assertThat(switches.isOn(1, "writes")).isFalse();

    switches.switchOn(1, EmergencySwitches.ALL, "ops");

    assertThat(switches.isOn(1, "writes")).isTrue();
    assertThat(switches.switchOf(1, "reads").by()).isEqualTo("ops");
  }

  @Test
  void clearsOneRuleOrEverySwitch() {
    switches.switchOn(1, "reads", "ops");
    switches.switchOn(1, "writes", "ops");

    assertThat(switches.clear(1, "reads", "ops")).isTrue();
    assertThat(switches.clear(1, "reads", "ops")).isFalse();
    assertThat(switches.isOn(1, "writes")).isTrue();
    assertThat(switches.clear(1, EmergencySwitches.ALL, "ops")).isTrue();
    assertThat(switches.active(1)).isEmpty();
  }

  @Test
  void belongsToTheRulesVersionItWasSetUnder() {
    switches.switchOn(1, "reads", "ops");

    assertThat(switches.isOn(2, "reads")).isFalse();
    assertThat(switches.active(2)).isEmpty();
    assertThat(switches.switchOf(2, "reads")).isNull();
  }

  @Test
  void recordsWhoAndWhen() {
    EmergencySwitches.Switch set = switches.switchOn(1, "reads", "alice");

    assertThat(set)
        .isEqualTo(
            new EmergencySwitches.Switch("reads", "alice", Instant.parse("2026-01-02T03:04:05Z")));
    assertThat(switches.active(1)).containsExactly(set);
  }
}
