package dev.strangler.functions.runtime.sandbox;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The type arguments with which a class implements a generic interface, followed through generic
 * superclasses: {@code class H extends Base<Order>} with {@code Base<T> implements
 * RequestHandler<T, Receipt>} gives {@code [Order, Receipt]}.
 */
final class TypeArguments {

  private TypeArguments() {}

  static Optional<Type[]> of(Class<?> type, Class<?> genericInterface) {
    return search(type, Map.of(), genericInterface);
  }

  private static Optional<Type[]> search(
      Type current, Map<TypeVariable<?>, Type> bindings, Class<?> target) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> own = new HashMap<>();
    if (current instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        own.put(variables[i], substitute(arguments[i], bindings));
      }
    } else if (current instanceof Class<?> plain) {
      raw = plain;
    } else {
      return Optional.empty();
    }
    if (raw.equals(target)) {
      Type[] resolved = new Type[raw.getTypeParameters().length];
      for (int i = 0; i < resolved.length; i++) {
        resolved[i] = own.getOrDefault(raw.getTypeParameters()[i], raw.getTypeParameters()[i]);
      }
      return Optional.of(resolved);
    }
    if (!target.isAssignableFrom(raw)) {
      return Optional.empty();
    }
    for (Type parent : raw.getGenericInterfaces()) {
      Optional<Type[]> found = search(parent, own, target);
      if (found.isPresent()) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass == null ? Optional.empty() : search(superclass, own, target);
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, type) : type;
  }
}
