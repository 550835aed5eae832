package dev.strangler.proxy.observe;

/**
 * Hears of every request the proxy finished, once, after its response ended. Called on the thread
 * that finished the request: an observer must be quick and must not block.
 */
@FunctionalInterface
public interface RequestObserver {

  void completed(CompletedRequest request);
}
