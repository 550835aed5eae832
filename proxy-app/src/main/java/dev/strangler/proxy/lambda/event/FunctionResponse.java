package dev.strangler.proxy.lambda.event;

/**
 * What a function's response payload means for the client: an HTTP response, or a malformed
 * response that API Gateway would answer with a 502 instead.
 */
public sealed interface FunctionResponse permits FunctionHttpResponse, MalformedFunctionResponse {}
