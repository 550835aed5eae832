package dev.strangler.proxy.admin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the explain endpoint's {@code header} parameters: one value arrives as a string, several as
 * a list. Either way each is one whole header line, never split on commas.
 */
final class HeaderLinesConverter implements GenericConverter {

  @Override
  public Set<ConvertiblePair> getConvertibleTypes() {
    return Set.of(
        new ConvertiblePair(String.class, HeaderLines.class),
        new ConvertiblePair(Collection.class, HeaderLines.class));
  }

  @Override
  public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
    if (source == null) {
      return null;
    }
    if (source instanceof Collection<?> values) {
      return new HeaderLines(values.stream().map(String::valueOf).toList());
    }
    return new HeaderLines(List.of(source.toString()));
  }
}
