/**
 * Pure functions between HTTP and API Gateway's Lambda proxy events, so that functions written for
 * API Gateway (aws-lambda-java-events, aws-serverless-java-container, Powertools,
 * serverless-express, Mangum) run unchanged behind the proxy.
 *
 * <p>{@link dev.strangler.proxy.lambda.event.ApiGatewayEvents} turns an {@link
 * dev.strangler.proxy.lambda.event.HttpRequestSnapshot} into payload format 1.0 (REST API) or 2.0
 * (HTTP API) JSON; {@link dev.strangler.proxy.lambda.event.ApiGatewayResponses} turns a function's
 * response payload back into an HTTP response. Neither knows Spring, Reactor or the AWS SDK: only
 * Jackson, for JSON. Golden fixtures in {@code src/test/resources/events/} pin the exact output.
 */
package dev.strangler.proxy.lambda.event;
