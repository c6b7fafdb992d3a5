package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation the jar lists (`--list-operations`) with no parameters, signed as root:
 * each must answer with its own response or an AWS error, never NotImplemented or a 500.
 */
class EveryOperationAnswersIT extends WireTest {
  private static final Map<String, String> VERSIONS =
      Map.of("iam", "2010-05-08", "sts", "2011-06-15");

  @Test
  void everyListedOperationAnswersLikeAws() {
    List<String[]> operations = listedOperations();
    assertThat(operations).hasSize(176 + 11);
    SoftAssertions soft = new SoftAssertions();
    for (String[] op : operations) {
      String service = op[0];
      String action = op[1];
      HttpResponse<String> r =
          RawHttp.signedForm(
              endpoint(),
              Clients.root(),
              service,
              "Action=" + action + "&Version=" + VERSIONS.get(service));
      soft.assertThat(r.statusCode()).as(service + ":" + action + " " + r.body()).isNotIn(500, 501);
      soft.assertThat(r.body())
          .as(service + ":" + action)
          .satisfiesAnyOf(
              b -> assertThat(b).contains("<" + action + "Response"),
              b -> assertThat(b).contains("<ErrorResponse"));
    }
    soft.assertAll();
  }

  /** [service, operation] pairs marked as served in the jar's own listing. */
  private static List<String[]> listedOperations() {
    String jar =
        Path.of(System.getProperty("iamlocal.jar", "../server/target/iamlocal.jar")).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ExternalTool.Result listing =
        ExternalTool.run(Map.of(), List.of(java, "-jar", jar, "--list-operations"));
    assertThat(listing.exitCode()).isZero();
    List<String[]> out = new ArrayList<>();
    String service = null;
    for (String line : listing.stdout().split("\n")) {
      if (line.startsWith("**IAM**")) {
        service = "iam";
      } else if (line.startsWith("**STS**")) {
        service = "sts";
      } else if (line.startsWith("- ✅ ") && service != null) {
        out.add(new String[] {service, line.substring("- ✅ ".length()).trim()});
      }
    }
    return out;
  }
}
