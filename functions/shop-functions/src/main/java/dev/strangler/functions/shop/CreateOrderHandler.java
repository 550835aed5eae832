package dev.strangler.functions.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.SharedDatabase;
import dev.strangler.functions.shop.http.ApiRequest;
import dev.strangler.functions.shop.http.ApiResponse;
import dev.strangler.functions.shop.http.EndpointMethod;
import dev.strangler.functions.shop.http.JsonBody;
import dev.strangler.functions.shop.order.CreateOrderRequest;
import dev.strangler.functions.shop.order.Order;
import dev.strangler.functions.shop.order.OrderPlacement;

/**
 * Function {@code shop-create-order}: {@code POST /api/orders}, answered as the monolith answers it
 * (201 with a relative {@code Location}, 400 listing each invalid field, 422 for an unknown user or
 * product), writing the monolith's own order tables in one transaction.
 */
public final class CreateOrderHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String PATH = "/api/orders";

  private final OrderPlacement orders;

  /** The constructor the Lambda runtime calls: the database named by the environment. */
  public CreateOrderHandler() {
    this(SharedDatabase.connection());
  }

  public CreateOrderHandler(ConnectionProvider database) {
    this.orders = new OrderPlacement(database);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event, EndpointMethod.POST.method(), PATH);
    return EndpointMethod.POST.serve(request, this::create).toLambdaResponse();
  }

  private ApiResponse create(ApiRequest request) {
    CreateOrderRequest form = JsonBody.readValid(request, CreateOrderRequest.class);
    Order order = orders.place(form);
    // Relative, as the legacy API always sent it.
    return ApiResponse.json(201, order).withHeader("Location", PATH + "/" + order.id());
  }
}
