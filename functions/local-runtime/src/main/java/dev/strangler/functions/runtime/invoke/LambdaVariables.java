package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process environment of an execution environment: the template's {@code Environment.Variables}
 * plus the variables Lambda itself sets, and nothing of the machine the runtime runs on (as on
 * Lambda, and so that a function works the same in both places). No AWS credentials: there is no
 * account.
 */
final class LambdaVariables {

  private LambdaVariables() {}

  static Map<String, String> of(
      FunctionDefinition function, String version, String region, String logStreamName) {
    Map<String, String> variables = new LinkedHashMap<>(function.environment());
    variables.put("_HANDLER", function.handler());
    variables.put("AWS_REGION", region);
    variables.put("AWS_DEFAULT_REGION", region);
    variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
    variables.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    variables.put("AWS_LAMBDA_FUNCTION_VERSION", version);
    variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
    variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
    variables.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
    variables.put("LAMBDA_TASK_ROOT", function.codeUri().toString());
    variables.put("LANG", "en_US.UTF-8");
    variables.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
    variables.put("TZ", ":UTC");
    return variables;
  }
}
