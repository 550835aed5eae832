package dev.strangler.rules.routing;

import java.util.Map;
import java.util.function.Function;

/**
 * An immutable open-addressing hash map from path segments to values, looked up by a range of a
 * path so that matching never cuts the path into substrings.
 */
final class SegmentMap<V> {

  private static final SegmentMap<?> EMPTY = new SegmentMap<>(0);

  private final String[] keys;
  private final Object[] values;
  private final int mask;

  private SegmentMap(int size) {
    int capacity = Integer.highestOneBit(Math.max(1, size) * 2) * 2;
    keys = new String[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
  }

  /** A map with the same keys as {@code entries} and each value converted. */
  @SuppressWarnings("unchecked")
  static <T, V> SegmentMap<V> of(Map<String, T> entries, Function<T, V> convert) {
    if (entries.isEmpty()) {
      return (SegmentMap<V>) EMPTY;
    }
    SegmentMap<V> map = new SegmentMap<>(entries.size());
    entries.forEach((key, value) -> map.put(key, convert.apply(value)));
    return map;
  }

  private void put(String key, V value) {
    int slot = spread(key.hashCode()) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
  }

  /** The value for the segment {@code path[from, to)}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(String path, int from, int to) {
    int length = to - from;
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + path.charAt(i);
    }
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return null;
      }
      if (key.length() == length && key.regionMatches(0, path, from, length)) {
        return (V) values[slot];
      }
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
