package io.iamlocal.policy.validation;

import java.util.List;
import java.util.Set;

/**
 * The rules IAM applies to each {@code Resource}/{@code NotResource} value, as the real-AWS
 * recordings show them.
 *
 * <p>A value is "in ARN format" as soon as it has a colon; its first field is not read, the second
 * is the partition. Fewer than six fields are allowed (the missing ones act as {@code *}), but
 * IAM's legacy parser refuses such a short ARN when it has an empty field ({@code
 * arn:aws:s3::bucket}) and any ARN whose service is empty. A value whose partition is not valid
 * escapes that check and gets the partition message later ({@code arn:error:s3::bucket}). The valid
 * partition is the account's ({@code aws} unless the caller says otherwise): a policy of an {@code
 * aws-cn} account naming {@code arn:aws:s3:::b} gets the partition message.
 */
final class ResourceGrammar {

  private static final int ARN_FIELDS = 6;
  private static final List<String> IAM_RESOURCE_TYPES =
      List.of(
          "user/",
          "federated-user/",
          "role/",
          "group/",
          "instance-profile/",
          "mfa/",
          "server-certificate/",
          "policy/",
          "sms-mfa/",
          "saml-provider/",
          "oidc-provider/",
          "report/",
          "access-report/");
  private static final Set<String> WHOLE_IAM_RESOURCES = Set.of("*", "root");

  private ResourceGrammar() {}

  /** True when IAM's legacy parser accepts the value (the first of the resource checks). */
  static boolean passesLegacyParsing(String resource, String accountPartition) {
    if (resource.equals("*")) {
      return true;
    }
    String[] fields = resource.split(":", -1);
    if (fields.length < 2 || !validPartition(fields[1], accountPartition)) {
      return true;
    }
    if (fields.length < ARN_FIELDS && resource.contains("::")) {
      return false;
    }
    return fields.length < 3 || !fields[2].isEmpty();
  }

  /**
   * The MalformedPolicyDocument message for a value that passed legacy parsing, or null when it is
   * well-formed.
   */
  static String problem(String resource, String accountPartition) {
    if (resource.equals("*")) {
      return null;
    }
    if (resource.indexOf(':') < 0) {
      return ValidationMessages.resourceNotArn(resource);
    }
    String[] fields = resource.split(":", ARN_FIELDS);
    String partition = fields[1];
    if (!validPartition(partition, accountPartition)) {
      return ValidationMessages.invalidPartition(partition, rebuilt(partition, resource));
    }
    if (fields.length < 3 || fields[2].indexOf('*') >= 0 || fields[2].indexOf('?') >= 0) {
      return ValidationMessages.RESOURCE_VENDOR_WILDCARD;
    }
    String service = fields[2];
    boolean region = fields.length > 3 && !fields[3].isEmpty();
    boolean account = fields.length > 4 && !fields[4].isEmpty();
    if (service.equals("iam") && region) {
      return ValidationMessages.iamResourceRegion(resource);
    }
    if (service.equals("s3") && region && !account) {
      return ValidationMessages.s3ResourceRegion(resource);
    }
    if (service.equals("iam") && fields.length == ARN_FIELDS && !isIamResource(fields[5])) {
      return ValidationMessages.IAM_RESOURCE_PATH;
    }
    return null;
  }

  private static boolean isIamResource(String resource) {
    if (WHOLE_IAM_RESOURCES.contains(resource)) {
      return true;
    }
    for (String type : IAM_RESOURCE_TYPES) {
      if (resource.startsWith(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ARN as IAM quotes it in the partition message: {@code arn:<partition>:} then the fields
   * after the partition, a missing field shown as {@code *} ({@code a:b:c} becomes {@code
   * arn:b:c:*:*:*}).
   */
  private static String rebuilt(String partition, String resource) {
    String[] fields = resource.split(":", -1);
    int after = fields.length - 2;
    String service = after == 0 || (after == 1 && fields[2].isEmpty()) ? "*" : fields[2];
    String region = after > 1 ? fields[3] : "*";
    String account = after > 2 ? fields[4] : "*";
    String rest = after > 3 ? String.join(":", List.of(fields).subList(5, fields.length)) : "*";
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + rest;
  }

  private static boolean validPartition(String partition, String accountPartition) {
    return partition.equals(accountPartition) || hasWildcardOrVariable(partition);
  }

  private static boolean hasWildcardOrVariable(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.contains("${");
  }
}
