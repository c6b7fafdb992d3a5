package io.iamlocal.protocol.error;

import io.iamlocal.protocol.xml.XmlText;

/**
 * Renders the Query protocol error body exactly as IAM and STS send it: {@code ErrorResponse} with
 * {@code Error/Type, Code, Message} and a {@code RequestId} sibling (not wrapped in metadata).
 */
public final class ErrorRenderer {
  /**
   * IAM's XML namespace, for answers given before the target service is known (refusals at the
   * edge, last-resort errors); IAM's model declares the same (checked by a test).
   */
  public static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

  private ErrorRenderer() {}

  public static String render(
      String xmlNamespace, AwsErrorCode code, String message, String requestId) {
    StringBuilder out = new StringBuilder(256);
    out.append("<ErrorResponse xmlns=\"")
        .append(xmlNamespace)
        .append("\">\n  <Error>\n    <Type>")
        .append(code.faultType())
        .append("</Type>\n    <Code>")
        .append(code.code())
        .append("</Code>\n");
    // An error without a message has no Message element at all (recorded from AWS:
    // ReportNotPresent).
    if (message != null) {
      out.append("    <Message>");
      XmlText.append(out, message);
      out.append("</Message>\n");
    }
    out.append("  </Error>\n  <RequestId>")
        .append(requestId)
        .append("</RequestId>\n</ErrorResponse>\n");
    return out.toString();
  }
}
