package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every member name a handler reads literally ({@code params.string("UserName")}) exists in the
 * botocore input shapes of the operations its file registers (or, for a helper that registers none,
 * in some input shape of the served services): a misspelt member fails the build even where no test
 * runs the path. At run time {@code Params} refuses such a read as well.
 */
class HandlersReadModelledMembersTest {
  private static final Path SOURCES = Path.of("src/main/java/io/iamlocal/server");
  private static final Pattern REGISTRATION =
      Pattern.compile("register\\(\\s*\"(\\w+)\",\\s*\"(\\w+)\"");
  private static final Pattern S3_REGISTRATION =
      Pattern.compile("register\\(\\s*\"(\\w+)\",\\s*LockMode");
  private static final Pattern READ =
      Pattern.compile(
          "\\.(?:string|strings|integer|bool|has|carries|timestamp|blob|struct|structs|stringMap)\\(\\s*\"([A-Za-z][A-Za-z0-9]*)\"");

  /**
   * Files reading members of something other than a decoded input (S3 routes, seed documents, the
   * console's JSON).
   */
  private static final Set<String> NOT_INPUT_READERS = Set.of("s3", "seed", "console", "cli");

  private static final Map<String, ServiceModel> MODELS =
      Map.of(
          "iam", IamLocalServer.ServiceModels.iam(),
          "sts", IamLocalServer.ServiceModels.sts(),
          "cloudtrail", ServiceModel.load("cloudtrail-2013-11-01"),
          "access-analyzer", ServiceModel.load("accessanalyzer-2019-11-01"));

  @Test
  void everyLiteralMemberReadExistsInTheInputShapes() throws IOException {
    Set<String> anyInput = new HashSet<>();
    MODELS
        .values()
        .forEach(model -> model.operations().values().forEach(op -> members(op.input(), anyInput)));
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (NOT_INPUT_READERS.contains(SOURCES.relativize(file).getName(0).toString())) {
          continue;
        }
        String source = Files.readString(file);
        Set<String> allowed = registeredInputs(source);
        Set<String> scope = allowed.isEmpty() ? anyInput : allowed;
        Matcher read = READ.matcher(source);
        while (read.find()) {
          checked++;
          if (!scope.contains(read.group(1))) {
            unknown.add(SOURCES.relativize(file) + " reads " + read.group(1));
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(checked)
        .as("member reads found (the scan still sees the handlers)")
        .isGreaterThan(300);
  }

  @Test
  void aMisspeltMemberIsFound() {
    Set<String> allowed =
        registeredInputs("registry.register(\"iam\", \"CreateUser\", this::createUser);");
    assertThat(allowed).contains("UserName", "Path", "Key", "Value").doesNotContain("UserNmae");
  }

  /**
   * Members of the input shapes (nested structures included) of the operations a source registers.
   */
  private static Set<String> registeredInputs(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = REGISTRATION.matcher(source);
    while (m.find()) {
      ServiceModel model = MODELS.get(m.group(1));
      OperationModel op = model == null ? null : model.operation(m.group(2));
      if (op != null) {
        members(op.input(), out);
      }
    }
    return out;
  }

  private static void members(Shape shape, Set<String> out) {
    members(shape, out, new HashSet<>());
  }

  private static void members(Shape shape, Set<String> out, Set<Shape> seen) {
    if (shape == null || !seen.add(shape)) {
      return;
    }
    switch (shape.type()) {
      case LIST -> members(shape.listMember(), out, seen);
      case MAP -> members(shape.mapValue(), out, seen);
      case STRUCTURE ->
          shape
              .memberNames()
              .forEach(
                  name -> {
                    out.add(name);
                    members(shape.member(name), out, seen);
                  });
      default -> {}
    }
  }
}
