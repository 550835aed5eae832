package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Picks the JSON mapping of a handler's input or output type as the Java runtime does: the
 * event-specific mapping (mixins, naming) for the event classes that aws-lambda-java-serialization
 * knows, its Jackson configuration for everything else (API Gateway 2.0 events included).
 */
final class LambdaSerializers {

  private LambdaSerializers() {}

  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> forType(Type type, ClassLoader functionClassLoader) {
    if (type instanceof Class<?> eventClass
        && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
      return (PojoSerializer<Object>)
          LambdaEventSerializers.serializerFor(eventClass, functionClassLoader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
