package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /** A family, by class name, and its {@code service:operation}s. */
  record Family(String className, List<String> operations) {}

  /** The families of the index, or null when the classes hold none (compiled outside the build). */
  static List<Family> read() {
    try (InputStream in = OperationIndex.class.getResourceAsStream(RESOURCE)) {
      return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Read at every start: a plain scan, no regular expression or reader. */
  static List<Family> parse(String text) {
    List<Family> families = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      if (end > at && text.charAt(at) != '#') {
        List<String> words = new ArrayList<>();
        for (int word = at; word < end; ) {
          int space = text.indexOf(' ', word);
          int wordEnd = space < 0 || space > end ? end : space;
          words.add(text.substring(word, wordEnd));
          word = wordEnd + 1;
        }
        families.add(new Family(words.get(0), words.subList(1, words.size())));
      }
      at = end + 1;
    }
    return families;
  }
}
