package dev.strangler.proxy.lambda.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Format 1.0's {@code headers} and {@code multiValueHeaders} merged into one list, as API Gateway
 * documents: both contribute, and a name-value pair given in both appears once, from {@code
 * multiValueHeaders}. Names compare case-insensitively, as HTTP's do.
 *
 * @param fields the merged headers, {@code multiValueHeaders} first
 * @param contentTypeNulled whether the function set Content-Type to {@code null} (or to no values),
 *     which tells API Gateway to send none rather than its default {@code application/json}
 */
record MergedHeaders(List<HeaderField> fields, boolean contentTypeNulled) {

  static MergedHeaders of(
      List<Map.Entry<String, String>> single, List<Map.Entry<String, List<String>>> multi) {
    List<HeaderField> fields = new ArrayList<>();
    boolean contentTypeNulled = false;
    for (Map.Entry<String, List<String>> header : multi) {
      if (header.getValue() == null || header.getValue().isEmpty()) {
        contentTypeNulled |= isContentType(header.getKey());
        continue;
      }
      for (String value : header.getValue()) {
        fields.add(new HeaderField(header.getKey(), value));
      }
    }
    for (Map.Entry<String, String> header : single) {
      if (header.getValue() == null) {
        contentTypeNulled |= isContentType(header.getKey());
      } else if (!inMultiValue(multi, header.getKey(), header.getValue())) {
        fields.add(new HeaderField(header.getKey(), header.getValue()));
      }
    }
    return new MergedHeaders(List.copyOf(fields), contentTypeNulled);
  }

  private static boolean inMultiValue(
      List<Map.Entry<String, List<String>>> multi, String name, String value) {
    return multi.stream()
        .anyMatch(
            header ->
                header.getKey().equalsIgnoreCase(name)
                    && header.getValue() != null
                    && header.getValue().contains(value));
  }

  private static boolean isContentType(String name) {
    return name.equalsIgnoreCase("Content-Type");
  }
}
