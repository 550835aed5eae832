package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowApiTests extends HttpTestSupport {

  @Test
  void answersOnlyAfterTheRequestedDelay() {
    long start = System.nanoTime();

    var response = get("/api/slow?delayMs=300");

    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("delayedMs").asLong()).isEqualTo(300);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void zeroDelayAnswersImmediately() {
    var response = get("/api/slow?delayMs=0");

    assertThat(json(response).path("delayedMs").asLong()).isZero();
  }

  @Test
  void rejectsDelaysOutsideZeroToSixtySeconds() {
    assertProblem(get("/api/slow?delayMs=-1"), 400);
    assertProblem(get("/api/slow?delayMs=60001"), 400);
    assertProblem(get("/api/slow?delayMs=soon"), 400);
    assertProblem(get("/api/slow"), 400);
  }
}
