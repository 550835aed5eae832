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
import dev.strangler.functions.shop.http.JsonBody;
import dev.strangler.functions.shop.user.CreateUserRequest;
import dev.strangler.functions.shop.user.User;
import dev.strangler.functions.shop.user.UserRepository;

/**
 * Function {@code shop-create-user}: {@code POST /api/users}, answered as the monolith answers it
 * (201 with a relative {@code Location}, 400 listing each invalid field, 409 for a taken email).
 */
public final class CreateUserHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String PATH = "/api/users";

  private final UserRepository users;

  /** The constructor the Lambda runtime calls: the database named by the environment. */
  public CreateUserHandler() {
    this(SharedDatabase.connection());
  }

  public CreateUserHandler(ConnectionProvider database) {
    this.users = new UserRepository(database);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event, EndpointMethod.POST.method(), PATH);
    return EndpointMethod.POST.serve(request, this::create).toLambdaResponse();
  }

  private ApiResponse create(ApiRequest request) {
    CreateUserRequest form = JsonBody.readValid(request, CreateUserRequest.class);
    String name = form.name().strip();
    String email = form.email().strip();
    // The check gives the usual answer; the unique constraint settles concurrent requests.
    if (users.existsByEmail(email)) {
      throw emailTaken(email);
    }
    User user = users.insert(name, email).orElseThrow(() -> emailTaken(email));
    // Relative, as the legacy API always sent it.
    return ApiResponse.json(201, user).withHeader("Location", PATH + "/" + user.id());
  }

  private static ApiProblem emailTaken(String email) {
    return ApiProblem.conflict(
        "Email already registered", "A user with email '" + email + "' already exists.");
  }
}
