package dev.strangler.proxy.lambda.event;

import static dev.strangler.proxy.lambda.event.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.strangler.rules.model.PayloadFormat;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AWS's documented sample events and ours for the same request read into the same typed objects,
 * with the Lambda Java runtime's own serializer, so typed Java handlers see no difference. Fields
 * the proxy deliberately does not produce are cleared on both sides, each with its reason.
 */
class AwsSampleEventCompatibilityTest {

  @Test
  void httpApiEventReadsLikeAwsSampleForTypedHandlers() {
    HttpRequestSnapshot sameRequest =
        request("POST", "/my/path")
            .query("parameter1=value1&parameter1=value2&parameter2=value")
            .header("Cookie", "cookie1; cookie2")
            .header("header1", "value1")
            .header("header2", "value1")
            .header("header2", "value2")
            .header("Host", "id.execute-api.us-east-1.amazonaws.com")
            .header("User-Agent", "agent")
            .header("Content-Type", "text/plain")
            .body("Hello from Lambda")
            .sourceIp("192.0.2.1")
            .requestId("id")
            .time(Instant.ofEpochMilli(1583348638390L))
            .build();
    EventContext context =
        new EventContext(
            null,
            Map.of("parameter1", "value1"),
            PayloadFormat.V2_0,
            "$default",
            "123456789012",
            "api-id");

    APIGatewayV2HTTPEvent sample = v2(JsonFixtures.bytes("aws-sample-http-api-v2.json"));
    APIGatewayV2HTTPEvent ours = v2(encoded(sameRequest, context));

    // The sample lists only two headers, though its requestContext shows Host and User-Agent.
    ours.getHeaders().keySet().removeAll(Set.of("host", "user-agent", "content-type"));
    // No authorizers and no stage variables behind the proxy.
    sample.getRequestContext().setAuthorizer(null);
    sample.setStageVariables(null);
    // The sample's time (12 Mar) contradicts its own timeEpoch (4 Mar); ours follows the epoch.
    assertThat(ours.getRequestContext().getTime()).isEqualTo("04/Mar/2020:19:03:58 +0000");
    sample.getRequestContext().setTime(ours.getRequestContext().getTime());
    assertThat(ours).usingRecursiveComparison().isEqualTo(sample);
    assertThat(ours.getCookies()).containsExactly("cookie1", "cookie2");
    assertThat(ours.getRequestContext().getTimeEpoch()).isEqualTo(1583348638390L);
  }

  @Test
  void restApiEventReadsLikeAwsSampleForTypedHandlers() {
    HttpRequestSnapshot sameRequest =
        request("POST", "/hello/world")
            .query("name=me&multivalueName=you&multivalueName=me")
            .header("Accept", "*/*")
            .header("Accept-Encoding", "gzip, deflate")
            .header("cache-control", "no-cache")
            .header("CloudFront-Forwarded-Proto", "https")
            .header("CloudFront-Is-Desktop-Viewer", "true")
            .header("CloudFront-Is-Mobile-Viewer", "false")
            .header("CloudFront-Is-SmartTV-Viewer", "false")
            .header("CloudFront-Is-Tablet-Viewer", "false")
            .header("CloudFront-Viewer-Country", "US")
            .header("Content-Type", "application/json")
            .header("headerName", "headerValue")
            .header("Host", "gy415nuibc.execute-api.us-east-1.amazonaws.com")
            .header("Postman-Token", "9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f")
            .header("User-Agent", "PostmanRuntime/2.4.5")
            .header("Via", "1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)")
            .header("X-Amz-Cf-Id", "pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A==")
            .header("X-Forwarded-For", "54.240.196.186, 54.182.214.83")
            .header("X-Forwarded-Port", "443")
            .header("X-Forwarded-Proto", "https")
            .body("{\r\n\t\"a\": 1\r\n}")
            .sourceIp("192.168.196.186")
            .requestId("deef4878-7910-11e6-8f14-25afc3e9ae33")
            .build();
    EventContext context =
        new EventContext(
            "/{proxy+}",
            Map.of("proxy", "hello/world"),
            PayloadFormat.V1_0,
            "testStage",
            "12345678912",
            "gy415nuibc");

    APIGatewayProxyRequestEvent sample = v1(JsonFixtures.bytes("aws-sample-rest-api-v1.json"));
    APIGatewayProxyRequestEvent ours = v1(encoded(sameRequest, context));

    // The REST sample is abbreviated: no version and a requestContext without these fields.
    assertThat(ours.getVersion()).isEqualTo("1.0");
    assertThat(ours.getRequestContext().getPath()).isEqualTo("/testStage/hello/world");
    ours.setVersion(null);
    ours.getRequestContext().setPath(null);
    ours.getRequestContext().setProtocol(null);
    ours.getRequestContext().setRequestTime(null);
    ours.getRequestContext().setRequestTimeEpoch(null);
    ours.getRequestContext().setDomainName(null);
    ours.getRequestContext().setDomainPrefix(null);
    ours.getRequestContext().setExtendedRequestId(null);
    // API Gateway's internal resource id and stage variables do not exist behind the proxy.
    sample.getRequestContext().setResourceId(null);
    sample.setStageVariables(null);
    assertThat(ours).usingRecursiveComparison().isEqualTo(sample);
    assertThat(ours.getQueryStringParameters()).containsEntry("multivalueName", "me");
  }

  @Test
  void httpApiFormat10EventReadsLikeAwsSampleForTypedHandlers() {
    HttpRequestSnapshot sameRequest =
        request("GET", "/my/path")
            .query("parameter1=value1&parameter1=value2&parameter2=value")
            .header("header1", "value1")
            .header("header2", "value1")
            .header("header2", "value2")
            .header("Host", "id.execute-api.us-east-1.amazonaws.com")
            .header("User-Agent", "user-agent")
            .header("Content-Type", "text/plain")
            .body("Hello from Lambda!")
            .sourceIp("192.0.2.1")
            .requestId("id=")
            .time(Instant.ofEpochMilli(1583349317135L))
            .build();
    EventContext context =
        new EventContext(
            "/my/path", Map.of(), PayloadFormat.V1_0, "$default", "123456789012", "id");

    APIGatewayProxyRequestEvent sample = v1(JsonFixtures.bytes("aws-sample-http-api-v1.json"));
    APIGatewayProxyRequestEvent ours = v1(encoded(sameRequest, context));

    // The sample lists two headers only, though its requestContext shows Host and User-Agent.
    for (String name : new String[] {"Host", "User-Agent", "Content-Type"}) {
      ours.getHeaders().remove(name);
      ours.getMultiValueHeaders().remove(name);
    }
    // The sample keeps the first of two query values where REST APIs (and we) keep the last.
    assertThat(ours.getQueryStringParameters()).containsEntry("parameter1", "value2");
    ours.getQueryStringParameters().put("parameter1", "value1");
    // No authorizer; the proxy's request id doubles as the extended request id.
    sample.getRequestContext().setAuthorizer(null);
    sample.getRequestContext().setExtendedRequestId("id=");
    assertThat(ours).usingRecursiveComparison().isEqualTo(sample);
  }

  @Test
  void binaryBodyReachesTypedHandlersAsBase64InBothFormats() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x00, (byte) 0xff};
    HttpRequestSnapshot upload =
        request("POST", "/images").header("Content-Type", "image/png").body(png).build();

    APIGatewayV2HTTPEvent httpApi =
        v2(encoded(upload, EventContext.of("/images", Map.of(), PayloadFormat.V2_0)));
    APIGatewayProxyRequestEvent restApi =
        v1(encoded(upload, EventContext.of("/images", Map.of(), PayloadFormat.V1_0)));

    assertThat(httpApi.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(httpApi.getBody())).isEqualTo(png);
    assertThat(restApi.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(restApi.getBody())).isEqualTo(png);
  }

  private static byte[] encoded(HttpRequestSnapshot request, EventContext context) {
    return ((EventResult.Encoded) ApiGatewayEvents.toEvent(request, context)).json();
  }

  private static APIGatewayV2HTTPEvent v2(byte[] json) {
    return read(APIGatewayV2HTTPEvent.class, json);
  }

  private static APIGatewayProxyRequestEvent v1(byte[] json) {
    return read(APIGatewayProxyRequestEvent.class, json);
  }

  /** As the Lambda Java runtime reads an event for a handler typed with {@code type}. */
  private static <T> T read(Class<T> type, byte[] json) {
    PojoSerializer<T> serializer =
        LambdaEventSerializers.serializerFor(
            type, AwsSampleEventCompatibilityTest.class.getClassLoader());
    return serializer.fromJson(new ByteArrayInputStream(json));
  }
}
