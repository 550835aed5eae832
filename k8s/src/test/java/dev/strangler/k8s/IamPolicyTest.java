package dev.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.RouteRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** The proxy's IAM role may invoke the shop functions, and do nothing else. */
class IamPolicyTest {

  static final String ARN_PREFIX = "arn:aws:lambda:${AWS_REGION}:${AWS_ACCOUNT_ID}:function:";
  static final String INVOKE = "lambda:InvokeFunction";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Map<String, Object> policy = json("k8s/iam/lambda-invoke-policy.json");

  @Test
  void grantsOnlyLambdaInvokeFunctionOnFunctionArns() {
    assertThat(policy).containsEntry("Version", "2012-10-17");
    List<Object> statements = Tree.list(policy, "Statement");
    assertThat(statements).isNotEmpty();
    assertThat(statements)
        .allSatisfy(
            statement -> {
              assertThat(Tree.map(statement).keySet())
                  .as("no NotAction, NotResource or Principal")
                  .isSubsetOf("Sid", "Effect", "Action", "Resource", "Condition");
              assertThat(Tree.string(statement, "Effect")).isEqualTo("Allow");
              assertThat(strings(Tree.at(statement, "Action"))).containsExactly(INVOKE);
              assertThat(strings(Tree.at(statement, "Resource")))
                  .isNotEmpty()
                  .allSatisfy(
                      arn -> {
                        assertThat(arn).startsWith(ARN_PREFIX).doesNotContain("*", "?");
                        assertThat(arn.substring(ARN_PREFIX.length()))
                            .as("function name and optional qualifier of %s", arn)
                            .matches("[a-zA-Z0-9_-]{1,64}(:[a-zA-Z0-9_$-]+)?");
                      });
            });
  }

  @Test
  void coversExactlyTheFunctionsOfTheSamTemplateAndTheirAliases() throws IOException {
    Set<String> expected = new LinkedHashSet<>();
    for (Object resource : Tree.map(samTemplate(), "Resources").values()) {
      if ("AWS::Serverless::Function".equals(Tree.string(resource, "Type"))) {
        String name = Tree.string(resource, "Properties", "FunctionName");
        String alias = Tree.string(resource, "Properties", "AutoPublishAlias");
        expected.add(ARN_PREFIX + name);
        if (alias != null) {
          expected.add(ARN_PREFIX + name + ":" + alias);
        }
      }
    }

    assertThat(expected)
        .as("functions read from the template")
        .contains(ARN_PREFIX + "shop-get-products");
    assertThat(resources()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {Kustomize.BASE, Kustomize.DEMO, Kustomize.PRODUCTION})
  void coversEveryFunctionTheRouteFileInvokes(String directory) {
    List<RouteRule> rules =
        RouteFileTest.MountedRouteFile.of(Kustomize.render(directory)).rules().routes();

    assertThat(rules)
        .allSatisfy(rule -> assertThat(resources()).as(rule.id()).contains(arn(rule.lambda())));
  }

  @Test
  void trustPolicyAdmitsOnlyTheProductionServiceAccount() {
    Map<String, Object> trust = json("k8s/iam/trust-policy.json");
    Manifests production = Kustomize.render(Kustomize.PRODUCTION);
    Manifest account =
        production.get(
            "ServiceAccount", Tree.string(production.proxy().podSpec(), "serviceAccountName"));
    String namespace = account.string("metadata", "namespace");

    assertThat(Tree.list(trust, "Statement"))
        .singleElement()
        .satisfies(
            statement -> {
              assertThat(Tree.string(statement, "Action"))
                  .isEqualTo("sts:AssumeRoleWithWebIdentity");
              Map<String, Object> equals = Tree.map(statement, "Condition", "StringEquals");
              assertThat(equals)
                  .containsEntry(
                      "${OIDC_PROVIDER}:sub",
                      "system:serviceaccount:" + namespace + ":" + account.name())
                  .containsEntry("${OIDC_PROVIDER}:aud", "sts.amazonaws.com");
            });
  }

  /**
   * The ARN the proxy invokes for a rule: a name, {@code name:alias} or an ARN, and a qualifier.
   */
  static String arn(LambdaTarget target) {
    String function = target.function();
    int marker = function.indexOf(":function:");
    String reference = marker >= 0 ? function.substring(marker + ":function:".length()) : function;
    if (target.qualifier() != null && !reference.contains(":")) {
      reference = reference + ":" + target.qualifier();
    }
    return ARN_PREFIX + reference;
  }

  private Set<String> resources() {
    return Tree.list(policy, "Statement").stream()
        .flatMap(statement -> strings(Tree.at(statement, "Resource")).stream())
        .collect(Collectors.toSet());
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String path) {
    try {
      return JSON.readValue(Files.readString(Kustomize.PROJECT_ROOT.resolve(path)), Map.class);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static Object samTemplate() throws IOException {
    Path template = Kustomize.PROJECT_ROOT.resolve("functions/template.yaml");
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(template));
  }
}
