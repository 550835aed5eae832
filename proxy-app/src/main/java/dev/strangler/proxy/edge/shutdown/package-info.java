/**
 * What the proxy does on SIGTERM: readiness goes down, kept-alive connections are told to close
 * ({@code Connection: close} on every response from then on) or closed while idle, the listener
 * closes, every request already received is answered in full, and only then are the clients towards
 * the monolith and Lambda shut. The order is in {@link
 * dev.strangler.proxy.edge.shutdown.ShutdownConfiguration}; docs/shutdown.md tells it with timings.
 */
package dev.strangler.proxy.edge.shutdown;
