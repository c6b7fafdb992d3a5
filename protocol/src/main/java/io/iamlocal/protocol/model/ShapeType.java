package io.iamlocal.protocol.model;

/** The botocore shape types of the vendored models ({@code float} is read as {@link #DOUBLE}). */
public enum ShapeType {
  STRUCTURE,
  LIST,
  MAP,
  STRING,
  INTEGER,
  LONG,
  BOOLEAN,
  TIMESTAMP,
  BLOB,
  DOUBLE;

  static ShapeType of(String botocoreName) {
    // A switch on botocore's names: valueOf would reflect over the constants and upper-case each of
    // the ~700 names (the build packs the models with it; a model without packed form, at load).
    return switch (botocoreName) {
      case "structure" -> STRUCTURE;
      case "list" -> LIST;
      case "map" -> MAP;
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "long" -> LONG;
      case "boolean" -> BOOLEAN;
      case "timestamp" -> TIMESTAMP;
      case "blob" -> BLOB;
      case "double", "float" -> DOUBLE;
      default -> valueOf(botocoreName.toUpperCase(java.util.Locale.ROOT));
    };
  }
}
