package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every served operation is registered once, under its literal name, so grep finds its one home;
 * and no source builds an operation name from parts ({@code "Attach" + entity + "Policy"}).
 */
class OperationsHaveOneHomeTest {
  private static final Path SOURCES = Path.of("src/main/java/io/iamlocal/server");
  private static final Pattern BUILT_NAME =
      Pattern.compile(
          "\"(Attach|Detach|Put|Get|List|Delete|Create|Tag|Untag|Update|Add|Remove)\"\\s*\\+\\s*\\w+|\\+\\s*\"(Policy|Policies|Tags)\"");

  @Test
  void everyOperationIsRegisteredOnceByItsLiteralName() throws IOException {
    String all = sources();
    List<String> notOnce = new ArrayList<>();
    for (var spec : ServedSpecs.all()) {
      // the formatter may break a registration's arguments over lines
      Pattern registration =
          Pattern.compile("register\\(\\s*\"" + spec.service() + "\",\\s*\"" + spec.name() + "\"");
      long count = registration.matcher(all).results().count();
      if (count != 1) {
        notOnce.add(spec.action() + " registered literally " + count + " times");
      }
    }
    assertThat(notOnce).isEmpty();
  }

  @Test
  void noOperationNameIsBuiltFromParts() throws IOException {
    assertThat(BUILT_NAME.matcher(sources()).results().map(m -> m.group()).toList()).isEmpty();
    assertThat(BUILT_NAME.matcher("call(item, \"Put\" + entity + \"Policy\", p)").find()).isTrue();
  }

  private static String sources() throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        out.append(Files.readString(file)).append('\n');
      }
    }
    return out.toString();
  }
}
