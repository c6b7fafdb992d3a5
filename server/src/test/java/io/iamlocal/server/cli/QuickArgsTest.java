package io.iamlocal.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The start-up parser sets {@link Main}'s fields exactly as picocli does, and leaves to picocli
 * what it is not sure of.
 */
class QuickArgsTest {

  @Test
  void everyOptionParsesAsPicocliParsesIt() throws Exception {
    for (OptionSpec option : new CommandLine(new Main()).getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String name = option.longestName();
      String[] args =
          option.arity().max() == 0
              ? new String[] {name}
              : new String[] {name, sampleValue(option.type())};
      assertSameAsPicocli(args);
      if (option.arity().max() > 0) {
        assertSameAsPicocli(name + "=" + args[1]);
      }
    }
  }

  @Test
  void aTypicalLineParsesAsPicocliParsesIt() throws Exception {
    assertSameAsPicocli(
        "--port",
        "0",
        "-q",
        "--allowed-host",
        "a",
        "--allowed-host=b",
        "--account-id",
        "111122223333",
        "--data-dir",
        "/tmp/x",
        "--tls",
        "--log-level",
        "warn");
    assertSameAsPicocli();
  }

  @Test
  void leavesToPicocliWhatPicocliRefusesOrAnswers() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-V"},
            new String[] {"--port"},
            new String[] {"--port", "x"},
            new String[] {"--port", "1", "--port", "2"},
            new String[] {"--quiet", "--quiet"},
            new String[] {"--tls=true"},
            new String[] {"--nope", "1"},
            new String[] {"positional"},
            new String[] {"--host", "--quiet"},
            new String[] {"@args.txt"})) {
      assertThat(QuickArgs.parse(new Main(), args)).as(String.join(" ", args)).isFalse();
    }
  }

  private static void assertSameAsPicocli(String... args) throws Exception {
    Main quick = new Main();
    assertThat(QuickArgs.parse(quick, args)).as(String.join(" ", args)).isTrue();
    Main picocli = new Main();
    new CommandLine(picocli).parseArgs(args);
    assertThat(fields(quick)).as(String.join(" ", args)).isEqualTo(fields(picocli));
  }

  private static String sampleValue(Class<?> type) {
    return type == int.class || type == long.class ? "7" : "/tmp/sample";
  }

  private static Map<String, Object> fields(Main main) throws IllegalAccessException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : Main.class.getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Option.class)) {
        f.setAccessible(true);
        Object v = f.get(main);
        values.put(f.getName(), v instanceof List<?> list ? new ArrayList<>(list) : v);
      }
    }
    return values;
  }
}
