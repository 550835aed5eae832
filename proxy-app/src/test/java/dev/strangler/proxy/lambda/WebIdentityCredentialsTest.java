package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.internal.WebIdentityCredentialsUtils;

/**
 * On EKS the proxy's credentials come from the service account's web identity token (k8s/): the
 * SDK's default chain can use it only when the STS module is on the class path.
 */
class WebIdentityCredentialsTest {

  @Test
  void webIdentityTokensCanBeExchangedForCredentials() {
    // The SDK's own check: without the STS module it throws "To use web identity tokens, the
    // 'sts' service module must be on the class path."
    assertThatCode(WebIdentityCredentialsUtils::factory).doesNotThrowAnyException();
  }
}
