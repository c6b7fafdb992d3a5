package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which operations each family of {@link OperationCatalog} registers, written by the build ({@code
 * process-classes} runs {@link #main}) into the classes as {@value #RESOURCE}: a server knows every
 * operation it serves at start and registers a family's handlers only at the first call of one of
 * its operations. One line per family: its class name, then its {@code service:operation}s,
 * space-separated.
 */
public final class OperationIndex {
  static final String RESOURCE = "operation-index.txt";

  private OperationIndex() {}

  /** Writes the index of the catalog to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    String index = render(IamLocalServer.ServiceModels.iam(), IamLocalServer.ServiceModels.sts());
    Files.writeString(Path.of(args[0]), index, StandardCharsets.UTF_8);
  }

  /** The index of the catalog: each family registered alone, its operations listed in order. */
  static String render(ServiceModel iam, ServiceModel sts) {
    StringBuilder out =
        new StringBuilder(
            "# Written by the build (OperationIndex): each operation family and what it registers.\n");
    for (Operations family : OperationCatalog.families()) {
      OperationRegistry registry =
          OperationRegistry.specsAtFirstUse(OperationCatalog::reference)
              .addService(iam)
              .addService(sts);
      family.register(registry);
      out.append(family.getClass().getName());
      for (ServiceModel service : List.of(iam, sts)) {
        for (String operation : registry.implemented(service.endpointPrefix())) {
          out.append(' ').append(service.endpointPrefix()).append(':').append(operation);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Family class name to its {@code service:operation}s, or null when the classes hold no index
   * (compiled outside the build): the catalog then registers every family at start.
   */
  static Map<String, List<String>> read() {
    try (InputStream in = OperationIndex.class.getResourceAsStream(RESOURCE)) {
      return in == null ? null : parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> parse(InputStream in) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, List<String>> index = new HashMap<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split(" ");
      index.put(words[0], new ArrayList<>(Arrays.asList(words).subList(1, words.length)));
    }
    return index;
  }
}
