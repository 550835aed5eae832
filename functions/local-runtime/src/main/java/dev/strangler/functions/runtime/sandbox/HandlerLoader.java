package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds and constructs a function's handler the way the Java runtime does. {@code Class::method}:
 * the public overloads of that name, the non-bridge and longest signature first (a trailing {@code
 * Context} counting one extra), of the shapes {@code ()}, {@code (event)}, {@code (event,
 * Context)}, {@code (Context)} and any stream combination of {@code (InputStream, OutputStream,
 * Context)}. A bare {@code Class}: it must implement {@code RequestStreamHandler} or {@code
 * RequestHandler} with concrete type arguments.
 */
final class HandlerLoader {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private static final Comparator<Method> PREFERRED_OVERLOAD =
      Comparator.comparing(Method::isBridge)
          .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed());

  private HandlerLoader() {}

  static LoadedHandler load(String handler, ClassLoader loader) throws InitFailure {
    String className = handler;
    String methodName = null;
    int separator = handler.indexOf("::");
    if (separator >= 0) {
      className = handler.substring(0, separator);
      methodName = handler.substring(separator + 2);
    }
    if (className.isBlank() || (methodName != null && methodName.isBlank())) {
      throw InitFailure.of("Invalid handler: `" + handler + "'");
    }
    Class<?> type = loadClass(className, loader);
    return methodName == null ? fromInterface(type, loader) : fromMethod(type, methodName, loader);
  }

  private static Class<?> loadClass(String className, ClassLoader loader) throws InitFailure {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new InitFailure("Class not found: " + className, e.getClass().getName(), e);
    } catch (ExceptionInInitializerError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw InitFailure.causedBy("Error loading class " + className + messageSuffix(cause), cause);
    } catch (LinkageError e) {
      throw InitFailure.causedBy("Error loading class " + className + messageSuffix(e), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static LoadedHandler fromInterface(Class<?> type, ClassLoader loader) throws InitFailure {
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      RequestStreamHandler handler = (RequestStreamHandler) construct(type);
      return handler::handleRequest;
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw InitFailure.of(
          "Class does not implement an appropriate handler interface: " + type.getName());
    }
    Type[] arguments =
        TypeArguments.of(type, RequestHandler.class)
            .filter(found -> Arrays.stream(found).noneMatch(HandlerLoader::isUnbounded))
            .orElseThrow(
                () ->
                    InitFailure.of(
                        "Class "
                            + type.getName()
                            + " does not implement RequestHandler with concrete type parameters"));
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) construct(type);
    return new PojoHandler(
        handler::handleRequest,
        Optional.of(LambdaSerializers.forType(arguments[0], loader)),
        outputSerializer(arguments[1], loader));
  }

  private static LoadedHandler fromMethod(Class<?> type, String name, ClassLoader loader)
      throws InitFailure {
    List<Method> overloads =
        Arrays.stream(type.getMethods())
            .filter(method -> method.getName().equals(name))
            .sorted(PREFERRED_OVERLOAD)
            .toList();
    for (Method method : overloads) {
      Optional<LoadedHandler> handler = fromOverload(type, method, loader);
      if (handler.isPresent()) {
        return handler.get();
      }
    }
    throw InitFailure.of(
        "No public method named "
            + name
            + " with appropriate method signature found on class "
            + type.getName());
  }

  private static Optional<LoadedHandler> fromOverload(
      Class<?> type, Method method, ClassLoader loader) throws InitFailure {
    Class<?>[] raw = method.getParameterTypes();
    Type[] generic = method.getGenericParameterTypes();
    boolean in = raw.length > 0 && raw[0] == InputStream.class;
    boolean out =
        (raw.length > 0 && raw[0] == OutputStream.class)
            || (raw.length > 1 && raw[1] == OutputStream.class && in);
    boolean context = raw.length > 0 && raw[raw.length - 1] == Context.class;
    int streams = (in ? 1 : 0) + (out ? 1 : 0);
    if (raw.length > 3 || (raw.length == 3 && (streams != 2 || !context))) {
      return Optional.empty();
    }
    if (streams > 0) {
      if (raw.length != streams + (context ? 1 : 0)) {
        return Optional.empty();
      }
      return Optional.of(
          new StreamMethodHandler(method, instanceFor(type, method), in, out, context));
    }
    int inputs = raw.length - (context ? 1 : 0);
    if (inputs > 1 || (inputs == 1 && raw[0] == Context.class)) {
      return Optional.empty();
    }
    Object instance = instanceFor(type, method);
    Optional<PojoSerializer<Object>> input =
        inputs == 1 ? Optional.of(LambdaSerializers.forType(generic[0], loader)) : Optional.empty();
    PojoHandler.Target target =
        (event, invocationContext) -> {
          Object[] arguments = new Object[raw.length];
          int next = 0;
          if (inputs == 1) {
            arguments[next++] = event;
          }
          if (context) {
            arguments[next] = invocationContext;
          }
          return invoke(method, instance, arguments);
        };
    return Optional.of(
        new PojoHandler(target, input, outputSerializer(method.getGenericReturnType(), loader)));
  }

  static Object invoke(Method method, Object instance, Object[] arguments) throws Throwable {
    try {
      return method.invoke(instance, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
  }

  private static Optional<PojoSerializer<Object>> outputSerializer(Type type, ClassLoader loader) {
    boolean isVoid = type == void.class || type == Void.class;
    return isVoid ? Optional.empty() : Optional.of(LambdaSerializers.forType(type, loader));
  }

  private static Object instanceFor(Class<?> type, Method method) throws InitFailure {
    return Modifier.isStatic(method.getModifiers()) ? null : construct(type);
  }

  private static Object construct(Class<?> type) throws InitFailure {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      String problem =
          type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
              ? " cannot be instantiated because it is a non-static inner class"
              : " has no public zero-argument constructor";
      throw InitFailure.of("Class " + type.getName() + problem);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw InitFailure.causedBy(messageOf(cause), cause);
    } catch (ReflectiveOperationException e) {
      throw InitFailure.causedBy(messageOf(e), e);
    }
  }

  private static boolean isUnbounded(Type type) {
    return type instanceof TypeVariable<?> variable
        && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals);
  }

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    boolean endsWithContext =
        parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
    return parameters.length + (endsWithContext ? 1 : 0);
  }

  private static String messageOf(Throwable error) {
    return error.getLocalizedMessage() == null
        ? error.getClass().getName()
        : error.getLocalizedMessage();
  }

  private static String messageSuffix(Throwable error) {
    return error.getMessage() == null ? "" : ": " + error.getMessage();
  }

  /** A typed handler between the runtime's JSON mapping of its input and of its output. */
  private record PojoHandler(
      Target target,
      Optional<PojoSerializer<Object>> input,
      Optional<PojoSerializer<Object>> output)
      implements LoadedHandler {

    @FunctionalInterface
    interface Target {
      Object call(Object event, Context context) throws Throwable;
    }

    @Override
    public void handle(InputStream event, OutputStream answer, Context context) throws Throwable {
      Object value = null;
      if (input.isPresent()) {
        try {
          value = input.get().fromJson(event);
        } catch (RuntimeException | Error e) {
          throw new RuntimeException("An error occurred during JSON parsing", e);
        }
      }
      Object result = target.call(value, context);
      if (output.isEmpty()) {
        answer.write(JSON_NULL);
        return;
      }
      try {
        output.get().toJson(result, answer);
      } catch (RuntimeException | Error e) {
        throw new RuntimeException("An error occurred during JSON serialization of response", e);
      }
    }
  }

  /** A method that reads and writes the raw streams itself. */
  private record StreamMethodHandler(
      Method method, Object instance, boolean takesInput, boolean takesOutput, boolean takesContext)
      implements LoadedHandler {

    @Override
    public void handle(InputStream event, OutputStream answer, Context context) throws Throwable {
      Object[] arguments =
          new Object[(takesInput ? 1 : 0) + (takesOutput ? 1 : 0) + (takesContext ? 1 : 0)];
      int next = 0;
      if (takesInput) {
        arguments[next++] = event;
      }
      if (takesOutput) {
        arguments[next++] = answer;
      }
      if (takesContext) {
        arguments[next] = context;
      }
      invoke(method, instance, arguments);
    }
  }
}
