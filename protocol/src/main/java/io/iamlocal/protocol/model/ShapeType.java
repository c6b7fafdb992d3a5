package io.iamlocal.protocol.model;

/** The botocore shape types that the IAM and STS models use. */
public enum ShapeType {
  STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, BOOLEAN, TIMESTAMP, BLOB, DOUBLE;

  static ShapeType of(String botocoreName) {
    return valueOf(botocoreName.toUpperCase(java.util.Locale.ROOT));
  }
}
