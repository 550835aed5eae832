package dev.strangler.demo.monolith.debug;

import dev.strangler.demo.monolith.error.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A deliberately slow endpoint for the proxy's timeout and concurrency tests. */
@RestController
class SlowController {

  static final long MAX_DELAY_MS = 60_000;

  @GetMapping("/api/slow")
  Delay slow(@RequestParam long delayMs) throws InterruptedException {
    if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
      throw ApiProblem.badRequest(
          "Query parameter 'delayMs' must be between 0 and "
              + MAX_DELAY_MS
              + ", was "
              + delayMs
              + ".");
    }
    // Blocking the request thread is the point: this is how the legacy app behaves.
    Thread.sleep(delayMs);
    return new Delay(delayMs);
  }
}
