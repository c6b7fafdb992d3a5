package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Web pages from other sites and DNS-rebinding pages are refused; SDKs, curl and the console's own
 * pages are not.
 */
class BrowserGuardTest {
  private final BrowserGuard guard = new BrowserGuard("0.0.0.0", Set.of("iamlocal"));

  @Test
  void aCrossSiteResetIsRefused() {
    assertThat(
            refused(
                "Host",
                "127.0.0.1:4566",
                "Origin",
                "https://evil.example",
                "Sec-Fetch-Site",
                "cross-site"))
        .isTrue();
    assertThat(refused("Host", "127.0.0.1:4566", "Origin", "https://evil.example")).isTrue();
    assertThat(refused("Host", "127.0.0.1:4566", "Sec-Fetch-Site", "same-site")).isTrue();
    assertThat(refused("Host", "127.0.0.1:4566", "Origin", "null")).isTrue();
  }

  @Test
  void aReboundHostNameIsRefused() {
    assertThat(refused("Host", "rebind.evil.example:4566", "Sec-Fetch-Site", "same-origin"))
        .isTrue();
    assertThat(refused("Host", "rebind.evil.example:4566")).isTrue();
  }

  @Test
  void clientsWithoutBrowserHeadersAndTheConsoleItselfAreServed() {
    assertThat(refused("Host", "127.0.0.1:4566")).isFalse();
    assertThat(refused("Host", "localhost:4566")).isFalse();
    assertThat(refused("Host", "[::1]:4566")).isFalse();
    assertThat(refused("Host", "10.1.2.3")).isFalse();
    assertThat(refused("Host", "iamlocal:4566"))
        .isFalse(); // --allowed-host iamlocal (a compose service name)
    assertThat(refused()).isFalse(); // HTTP/1.0 without Host
    assertThat(
            refused(
                "Host",
                "127.0.0.1:4566",
                "Origin",
                "http://127.0.0.1:4566",
                "Sec-Fetch-Site",
                "same-origin"))
        .isFalse();
  }

  @Test
  void onlyTheResetAndOwnPathsAreGuarded() {
    assertThat(BrowserGuard.guards("/moto-api/reset")).isTrue();
    assertThat(BrowserGuard.guards("/_iamlocal/api/users")).isTrue();
    assertThat(BrowserGuard.guards("/")).isFalse();
    assertThat(BrowserGuard.guards("/bucket/key")).isFalse();
  }

  private boolean refused(String... headerPairs) {
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i].toLowerCase(java.util.Locale.ROOT), List.of(headerPairs[i + 1]));
    }
    HttpRequestData request =
        new HttpRequestData(
            "POST", "/moto-api/reset", "", headers, new byte[0], "127.0.0.1", false);
    HttpResponseData response = guard.refusal(request);
    if (response != null) {
      assertThat(response.status()).isEqualTo(403);
    }
    return response != null;
  }
}
