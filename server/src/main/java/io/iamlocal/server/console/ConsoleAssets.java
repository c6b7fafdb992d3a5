package io.iamlocal.server.console;

import io.iamlocal.server.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's static files, read once from the jar. Only the names listed here are served, so no
 * request path can reach any other resource (no {@code ..}, no encoded slashes, no directories).
 */
final class ConsoleAssets {
  static final String RESOURCE_DIR = "/io/iamlocal/server/console/";

  /** One file: its bytes, content type and a strong ETag (a hash of the bytes). */
  record Asset(String name, byte[] bytes, String contentType, String etag) {}

  private final Map<String, Asset> byName;

  private ConsoleAssets(Map<String, Asset> byName) {
    this.byName = byName;
  }

  /**
   * The files, read and hashed at the first console request (once per JVM), not at start-up where
   * hashing them cost a twentieth of the time to the first answer.
   */
  static ConsoleAssets all() {
    return Loaded.ASSETS;
  }

  private static final class Loaded {
    static final ConsoleAssets ASSETS = load();
  }

  /**
   * Loads the files from the classpath; a missing one is a packaging bug, so it fails the console
   * request.
   */
  private static ConsoleAssets load() {
    return new ConsoleAssets(
        Map.of(
            "index.html", read("index.html", "text/html; charset=utf-8"),
            "console.css", read("console.css", "text/css; charset=utf-8"),
            "console.js", read("console.js", "text/javascript; charset=utf-8"),
            "favicon.svg", read("favicon.svg", "image/svg+xml"),
            "least-privilege.html", read("least-privilege.html", "text/html; charset=utf-8"),
            "least-privilege.js", read("least-privilege.js", "text/javascript; charset=utf-8")));
  }

  /** The file with exactly this name (no path), or null. */
  Asset get(String name) {
    return byName.get(name);
  }

  private static Asset read(String name, String contentType) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "console resource missing from the jar: " + RESOURCE_DIR + name);
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(name, bytes, contentType, "\"" + Sha256.hex(bytes).substring(0, 32) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
