package dev.strangler.functions.runtime.invoke;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one function, for the admin API. */
final class FunctionStats {

  final AtomicLong invocations = new AtomicLong();
  final AtomicLong coldStarts = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong timeouts = new AtomicLong();
  final AtomicLong throttles = new AtomicLong();
}
