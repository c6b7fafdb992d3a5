package io.iamlocal.sigv4;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request headers as a server read them: lower-case names, immutable value lists, in a map nobody
 * changes afterwards. {@link SignableRequest} and the verifier's header index take it as it is,
 * where any other map is copied (once by the request, once more when its names are not all
 * lower-case): the request path of a server copied each request's headers twice.
 */
public final class ReceivedHeaders extends AbstractMap<String, List<String>> {
  private final Map<String, List<String>> byName;

  private ReceivedHeaders(Map<String, List<String>> byName) {
    this.byName = byName;
  }

  /**
   * Takes over {@code byLowerCaseName}: its names must be lower-case, its lists immutable and
   * without nulls, and the caller must not change it afterwards.
   */
  public static ReceivedHeaders takeOver(Map<String, List<String>> byLowerCaseName) {
    return new ReceivedHeaders(byLowerCaseName);
  }

  @Override
  public List<String> get(Object lowerCaseName) {
    return byName.get(lowerCaseName);
  }

  @Override
  public boolean containsKey(Object lowerCaseName) {
    return byName.containsKey(lowerCaseName);
  }

  @Override
  public int size() {
    return byName.size();
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return Collections.unmodifiableMap(byName).entrySet();
  }

  /** The map itself, for the header index (read only). */
  Map<String, List<String>> byName() {
    return byName;
  }
}
