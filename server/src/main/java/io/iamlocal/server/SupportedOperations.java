package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.dispatch.OperationRegistry;
import java.util.List;
import java.util.Set;

/**
 * Renders which model operations have handlers, from the registry itself, for the README (kept in
 * sync by a test) and for {@code iamlocal --list-operations}.
 */
public final class SupportedOperations {
  private SupportedOperations() {}

  public static String markdown() {
    OperationRegistry registry =
        OperationCatalog.build(
            IamLocalServer.ServiceModels.iam(), IamLocalServer.ServiceModels.sts());
    StringBuilder out = new StringBuilder();
    for (String service : List.of("iam", "sts")) {
      ServiceModel model = registry.service(service);
      Set<String> done = registry.implemented(service);
      out.append("**")
          .append(model.serviceId())
          .append("**: ")
          .append(done.size())
          .append(" of ")
          .append(model.operations().size())
          .append(" operations.\n\n");
      out.append("<details><summary>")
          .append(model.serviceId())
          .append(" operations</summary>\n\n");
      model.operations().keySet().stream()
          .sorted()
          .forEach(
              op ->
                  out.append("- ").append(done.contains(op) ? "✅ " : "⬜ ").append(op).append('\n'));
      out.append("\n</details>\n\n");
    }
    return out.toString();
  }
}
