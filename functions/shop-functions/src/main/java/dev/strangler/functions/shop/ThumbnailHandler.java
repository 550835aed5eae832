package dev.strangler.functions.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.http.ApiProblem;
import dev.strangler.functions.shop.http.ApiRequest;
import dev.strangler.functions.shop.http.ApiResponse;
import dev.strangler.functions.shop.http.ContentType;
import dev.strangler.functions.shop.http.EndpointMethod;
import dev.strangler.functions.shop.http.RequestParameters;
import dev.strangler.functions.shop.image.Thumbnailer;
import java.util.Optional;

/**
 * Function {@code shop-thumbnail}: {@code POST /api/images/thumbnail?width=} with a PNG or JPEG
 * body (base64 in the event), answering a PNG (base64 in the response) or the monolith's problem.
 * Needs no database.
 */
public final class ThumbnailHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String PATH = "/api/images/thumbnail";
  static final int DEFAULT_WIDTH = 64;
  static final int MAX_WIDTH = 1024;

  /** Listed in the order of the monolith's {@code consumes}, as its 415 answers list them. */
  private static final String ACCEPTED_TYPES = "image/png, image/jpeg";

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event, EndpointMethod.POST.method(), PATH);
    return EndpointMethod.POST.serve(request, ThumbnailHandler::thumbnail).toLambdaResponse();
  }

  // The order of the checks is the monolith's: its request mapping checks the Content-Type, then
  // Spring binds the width, then the body, then the controller checks the width's range.
  private static ApiResponse thumbnail(ApiRequest request) {
    requireImageContentType(request.header("Content-Type").filter(value -> !value.isEmpty()));
    int width = RequestParameters.intParameter(request.query(), "width", DEFAULT_WIDTH);
    byte[] image = request.body();
    if (image.length == 0) {
      throw ApiProblem.unreadableBody();
    }
    if (width < 1 || width > MAX_WIDTH) {
      throw ApiProblem.badRequest(
          "Query parameter 'width' must be between 1 and " + MAX_WIDTH + ", was " + width + ".");
    }
    return ApiResponse.png(Thumbnailer.thumbnail(image, width));
  }

  /** Spring's {@code consumes} match: type and subtype only, parameters ignored. */
  private static void requireImageContentType(Optional<String> header) {
    if (header.isEmpty()) {
      throw ApiProblem.unsupportedMediaType(null, ACCEPTED_TYPES);
    }
    ContentType contentType;
    try {
      contentType = ContentType.parse(header.get());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.unparsableContentType(ACCEPTED_TYPES);
    }
    if (!contentType.is("image", "png") && !contentType.is("image", "jpeg")) {
      throw ApiProblem.unsupportedMediaType(contentType.toString(), ACCEPTED_TYPES);
    }
  }
}
