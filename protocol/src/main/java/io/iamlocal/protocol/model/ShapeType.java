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
    return botocoreName.equals("float")
        ? DOUBLE
        : valueOf(botocoreName.toUpperCase(java.util.Locale.ROOT));
  }
}
