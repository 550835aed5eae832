package dev.strangler.functions.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.SharedDatabase;
import dev.strangler.functions.shop.http.ApiProblem;
import dev.strangler.functions.shop.http.ApiRequest;
import dev.strangler.functions.shop.http.ApiResponse;
import dev.strangler.functions.shop.http.EndpointMethod;
import dev.strangler.functions.shop.http.QueryString;
import dev.strangler.functions.shop.http.RequestParameters;
import dev.strangler.functions.shop.product.ProductPage;
import dev.strangler.functions.shop.product.ProductRepository;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Function {@code shop-get-products}: {@code GET /api/products?category=&page=&size=} and {@code
 * GET /api/products/{id}}, answered as the monolith answers them.
 */
public final class GetProductsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String COLLECTION = "/api/products";
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  private final ProductRepository products;

  /** The constructor the Lambda runtime calls: the database named by the environment. */
  public GetProductsHandler() {
    this(SharedDatabase.connection());
  }

  public GetProductsHandler(ConnectionProvider database) {
    this.products = new ProductRepository(database);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event, EndpointMethod.GET.method(), COLLECTION);
    return EndpointMethod.GET.serve(request, this::answer).toLambdaResponse();
  }

  private ApiResponse answer(ApiRequest request) {
    Optional<String> id = request.pathParameter("id");
    if (id.isPresent()) {
      return one(id.get());
    }
    String path = request.path();
    if (path.equals(COLLECTION)) {
      return page(request.query());
    }
    return one(idFromPath(request.method(), path));
  }

  private ApiResponse one(String idText) {
    long id = RequestParameters.longPathVariable("id", idText);
    return products
        .findById(id)
        .map(product -> ApiResponse.json(200, product))
        .orElseThrow(
            () -> ApiProblem.notFound("Product not found", "Product " + id + " does not exist."));
  }

  private ApiResponse page(QueryString query) {
    Optional<String> category =
        RequestParameters.stringParameter(query, "category").filter(text -> !text.isBlank());
    int page = RequestParameters.intParameter(query, "page", 0);
    int size = RequestParameters.intParameter(query, "size", DEFAULT_SIZE);
    // The monolith's own checks and messages, after Spring's conversion of both parameters.
    if (page < 0) {
      throw ApiProblem.badRequest("Query parameter 'page' must be 0 or greater, was " + page + ".");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiProblem.badRequest(
          "Query parameter 'size' must be between 1 and " + MAX_SIZE + ", was " + size + ".");
    }
    long offset = (long) page * size;
    return ApiResponse.json(
        200,
        new ProductPage(
            products.findPage(category, size, offset), page, size, products.count(category)));
  }

  /** For events without path parameters: the decoded segment after {@code /api/products/}. */
  private static String idFromPath(String method, String path) {
    String segment =
        path.startsWith(COLLECTION + "/") ? path.substring(COLLECTION.length() + 1) : "";
    if (segment.isEmpty() || segment.contains("/")) {
      throw ApiProblem.noEndpoint(method, path);
    }
    try {
      // A path keeps '+' literally; only %XX escapes are decoded.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      return segment;
    }
  }
}
